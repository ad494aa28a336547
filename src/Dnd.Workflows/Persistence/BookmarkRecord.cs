namespace Dnd.Workflows.Persistence;

/// <summary>
/// Where a suspended instance waits: a timer (DueAt) or a reply on a channel. Resuming deletes the row first;
/// only the runner whose delete hit a row continues, which is what keeps concurrent resumes single.
/// </summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }
    public required string ActivityId { get; set; }
    public required string Kind { get; set; }
    public string? Channel { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C traceparent of the span that wrote it, when telemetry is on: the worker's span continues that trace (<see cref="Dnd.Shared.Telemetry.TraceParents"/>).</summary>
    public string? TraceParent { get; set; }
}
