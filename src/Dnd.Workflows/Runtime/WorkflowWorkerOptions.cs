namespace Dnd.Workflows.Runtime;

public sealed class WorkflowWorkerOptions
{
    /// <summary>How often due timers and stalled instances are looked for when nothing signals new work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Running instance untouched this long is taken to belong to a crashed process and is resumed.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Folder of workflow JSON files to publish at start.</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>
    /// Every loop in a published definition must make the contact wait at least this long per round (a Delay this
    /// long, or a WaitForReply); a definition with a faster loop is refused, so it cannot message a contact without bound.
    /// </summary>
    public TimeSpan MinimumLoopWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Instances the worker runs at once (each one still a step at a time): enough for their writes to share SQLite
    /// commits and PostgreSQL connections, few enough not to starve requests.
    /// </summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Steps one instance may take in its whole life; past it the instance ends Faulted with the reason.</summary>
    public int StepBudget { get; set; } = 1000;
}
