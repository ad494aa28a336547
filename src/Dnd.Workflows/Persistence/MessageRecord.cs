namespace Dnd.Workflows.Persistence;

/// <summary>An outbound or inbound message, or an outbound one that DND refused (Status "skipped").</summary>
public sealed class MessageRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }
    public required string Channel { get; set; }
    public required string Direction { get; set; }
    public required string Status { get; set; }
    public string? Subject { get; set; }
    public string Body { get; set; } = "";
    public string HeadersJson { get; set; } = "{}";
    public string? WorkflowInstanceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
