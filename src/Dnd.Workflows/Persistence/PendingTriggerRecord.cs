namespace Dnd.Workflows.Persistence;

/// <summary>
/// A trigger (DND changed, form submitted) written in the same transaction as its cause, then dispatched;
/// a crash between the two leaves the row for the background dispatcher instead of losing the trigger.
/// </summary>
public sealed class PendingTriggerRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }
    public required string Kind { get; set; }
    public string PayloadJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C traceparent of the span that wrote it, when telemetry is on: the worker's span continues that trace (<see cref="Dnd.Shared.Telemetry.TraceParents"/>).</summary>
    public string? TraceParent { get; set; }
}
