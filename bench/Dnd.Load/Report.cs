using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Dnd.Load;

/// <summary>One line of the table: a figure, the ceiling it is held against, and the target where it has one.</summary>
public sealed record Row(string Scenario, string Figure, string Ceiling = "—", string Ratio = "—", string Target = "—", string Met = "");

public sealed class Report
{
    private readonly List<Row> _rows = [];

    public List<string> Notes { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Wrong { get; } = [];

    public void Add(Row row) => _rows.Add(row);

    public static string N(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.00", CultureInfo.InvariantCulture),
    };

    public static string Ms(double ms) => ms >= 100 ? $"{ms:N0} ms" : ms >= 10 ? $"{ms:0.0} ms" : $"{ms:0.00} ms";

    public static string Percent(double figure, double ceiling) =>
        ceiling <= 0 ? "—" : (figure / ceiling) switch
        {
            >= 10 => $"{figure / ceiling:0}×",
            >= 0.1 => $"{100 * figure / ceiling:0}%",
            _ => $"{100 * figure / ceiling:0.0#}%",
        };

    public static string Times(double figure, double ceiling) => ceiling <= 0 ? "—" : $"{figure / ceiling:0.0}×";

    public string Table()
    {
        var b = new StringBuilder();
        b.AppendLine("| scenario | figure | ceiling (same run, same machine) | ratio of ceiling | target from the issue | met? |");
        b.AppendLine("|---|---:|---|---:|---|---|");
        foreach (var r in _rows)
        {
            b.AppendLine($"| {r.Scenario} | {r.Figure} | {r.Ceiling} | {r.Ratio} | {r.Target} | {r.Met} |");
        }
        return b.ToString();
    }

    public string Markdown(string title, string command, string machine, string settings)
    {
        var b = new StringBuilder();
        b.AppendLine($"# {title}");
        b.AppendLine();
        b.AppendLine($"- date: {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        b.AppendLine($"- command: `{command}`");
        b.AppendLine($"- machine: {machine}");
        b.AppendLine($"- run: {settings}");
        b.AppendLine();
        b.Append(Table());
        if (Wrong.Count > 0)
        {
            b.AppendLine();
            b.AppendLine($"## Wrong contacts ({Wrong.Count})");
            b.AppendLine();
            foreach (var w in Wrong.Take(200))
            {
                b.AppendLine($"- {w}");
            }
            if (Wrong.Count > 200)
            {
                b.AppendLine($"- … and {Wrong.Count - 200} more");
            }
        }
        if (Warnings.Count > 0)
        {
            b.AppendLine();
            b.AppendLine("## Warnings");
            b.AppendLine();
            foreach (var w in Warnings)
            {
                b.AppendLine($"- {w}");
            }
        }
        if (Notes.Count > 0)
        {
            b.AppendLine();
            b.AppendLine("## Notes");
            b.AppendLine();
            foreach (var n in Notes)
            {
                b.AppendLine($"- {n}");
            }
        }
        return b.ToString();
    }

    /// <summary>nproc, CPU model, RAM, and the disk the scratch folder is on.</summary>
    public static string Machine(string scratch)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = File.ReadLines("/proc/meminfo").Where(l => l.StartsWith("MemTotal:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])).FirstOrDefault();
        var disk = Shell("df", $"-hT {scratch}").Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var diskText = disk is { Length: >= 7 } ? $"{disk[0]} ({disk[1]}, {disk[2]}, {disk[4]} free)" : "unknown disk";
        var device = disk is { Length: >= 1 } ? Path.GetFileName(disk[0]) : "";
        var rotational = File.Exists($"/sys/block/{device}/queue/rotational") ? File.ReadAllText($"/sys/block/{device}/queue/rotational").Trim() == "1" ? ", rotational per the kernel" : ", non-rotational" : "";
        return $"{Environment.ProcessorCount} CPUs (nproc), {cpu}, {memKb / 1024.0 / 1024.0:0.0} GiB RAM, disk {diskText}{rotational}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static string Shell(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "";
        }
    }
}
