using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Opt-in measurement of the batch writer (environment DND_WRITER_STATS=1; off, it costs one static check per batch):
/// once a second it prints, per job, the wall and CPU time the writer's thread spent running jobs (their statements
/// and the savepoints) and committing (the COMMIT when this batch ends the transaction: the WAL write and its fsync),
/// and how busy the writer was. bench/Dnd.Profile reads these lines into its per-scenario summary. The thread's CPU
/// time is Linux's CLOCK_THREAD_CPUTIME_ID; elsewhere it reads 0.
/// </summary>
internal static class WriterStats
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("DND_WRITER_STATS") == "1";

    private static long _jobs, _batches, _runWall, _runCpu, _commitWall, _commitCpu;

    // Started on first use, only when enabled.
    private static readonly Timer? Printer = Enabled ? new Timer(_ => Print(), null, 1000, 1000) : null;

    public readonly record struct Mark(long Wall, long Cpu);

    public static Mark Now() => new(Stopwatch.GetTimestamp(), ThreadCpuNanoseconds());

    /// <summary>One batch: <paramref name="started"/> after its turn was taken, <paramref name="ran"/> after its jobs, <paramref name="ended"/> after its commit step.</summary>
    public static void Batch(int jobs, Mark started, Mark ran, Mark ended)
    {
        GC.KeepAlive(Printer);
        Interlocked.Add(ref _jobs, jobs);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _runWall, ran.Wall - started.Wall);
        Interlocked.Add(ref _runCpu, ran.Cpu - started.Cpu);
        Interlocked.Add(ref _commitWall, ended.Wall - ran.Wall);
        Interlocked.Add(ref _commitCpu, ended.Cpu - ran.Cpu);
    }

    private static void Print()
    {
        var jobs = Interlocked.Exchange(ref _jobs, 0);
        var batches = Interlocked.Exchange(ref _batches, 0);
        var (runWall, runCpu) = (Interlocked.Exchange(ref _runWall, 0), Interlocked.Exchange(ref _runCpu, 0));
        var (commitWall, commitCpu) = (Interlocked.Exchange(ref _commitWall, 0), Interlocked.Exchange(ref _commitCpu, 0));
        if (jobs == 0)
        {
            return;
        }
        double Us(long ticks) => ticks * 1e6 / Stopwatch.Frequency / jobs;
        Console.WriteLine($"WRITER jobs {jobs} batches {batches} ({(double)jobs / batches:0.0}/batch) per job: run wall {Us(runWall):0.0} cpu {runCpu / 1e3 / jobs:0.0} us; " +
                          $"commit wall {Us(commitWall):0.0} cpu {commitCpu / 1e3 / jobs:0.0} us; busy {(runWall + commitWall) * 100.0 / Stopwatch.Frequency:0}%");
    }

    private static long ThreadCpuNanoseconds() =>
        OperatingSystem.IsLinux() && clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out Timespec time);
}
