namespace Dnd.Load;

/// <summary>
/// How much CPU processes other than the run's own (this harness, its finished children such as wrk, and the
/// server) used over an interval: on a shared 2-core machine a test suite running beside the load changes every
/// figure, so the report says when that happened.
/// </summary>
/// <param name="serverPid">The server (or minimal app) running now, a child of this process.</param>
/// <param name="daemonPid">A database server started for the run (PostgreSQL's postmaster), counted with its backends.</param>
public sealed class CpuMeter(Func<int?> serverPid, Func<int?> daemonPid)
{
    public readonly record struct Sample(long Total, long Busy, long Ours);

    public Sample Take()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        var total = cpu.Sum();
        var busy = total - cpu[3] - cpu[4]; // less idle and iowait
        var ours = Jiffies("self", children: true) + (serverPid() is { } pid ? Jiffies(pid.ToString(), children: false) : 0);
        if (daemonPid() is { } daemon)
        {
            // The postmaster (and the backends it reaped), plus its live backends.
            ours += Jiffies(daemon.ToString(), children: true);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                var name = Path.GetFileName(dir);
                if (name.All(char.IsAsciiDigit) && ParentOf(name) == daemon)
                {
                    ours += Jiffies(name, children: false);
                }
            }
        }
        return new Sample(total, busy, ours);
    }

    private static int ParentOf(string pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>Share of the machine's CPU time used by other processes between two samples, in cores (1.0 = one core busy).</summary>
    public static double OtherCores(Sample before, Sample after)
    {
        var total = after.Total - before.Total;
        if (total <= 0)
        {
            return 0;
        }
        var others = Math.Max(0, after.Busy - before.Busy - (after.Ours - before.Ours));
        return (double)others / total * Environment.ProcessorCount;
    }

    /// <summary>CPU time of a process ("self" or a pid) in clock ticks, with its reaped children's when asked.</summary>
    public static long Jiffies(string pid, bool children)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // utime, stime, cutime, cstime are fields 14-17 of the line, 12-15 after the name.
            var own = long.Parse(fields[11]) + long.Parse(fields[12]);
            return children ? own + long.Parse(fields[13]) + long.Parse(fields[14]) : own;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
