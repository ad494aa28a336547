namespace Dnd.Crm.Jobs;

/// <summary>Dnd:Jobs: how the job runner works.</summary>
public sealed class JobOptions
{
    /// <summary>Off, jobs are only stepped when asked (<see cref="JobRunner.StepAsync"/>): tests drive them one step at a time.</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>A backstop for jobs enqueued by another process; this process's own wake the runner at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a runner's claim holds without a step; past it, another runner (after a crash) takes the job over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Items per step, each step one account write: big enough to be quick, small enough that a STOP waiting on the write is not kept long.</summary>
    public int BatchSize { get; set; } = 100;
}
