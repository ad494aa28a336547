namespace Dnd.Workflows.Persistence;

/// <summary>One executed step of an instance, with the outcome taken and a note such as "skipped: SMS DND ...".</summary>
public sealed class ExecutionLogRecord
{
    public long Id { get; set; }
    public required string InstanceId { get; set; }
    public int Step { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Outcome { get; set; }
    public string? Note { get; set; }

    /// <summary>Which try of the activity the line records: 1 for a first run, 2 for the first retry; 0 for a line no run made (a resume).</summary>
    public int Attempt { get; set; } = 1;

    public DateTimeOffset At { get; set; }
}
