namespace Dnd.Workflows.Runtime;

public sealed class WorkflowWorkerOptions
{
    /// <summary>How often due timers and stalled instances are looked for when nothing signals new work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Running instance untouched this long is taken to belong to a crashed process and is resumed.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Folder of workflow JSON files to publish at start.</summary>
    public string? DefinitionsFolder { get; set; }
}
