namespace Dnd.Workflows.Persistence;

/// <summary>A provider delivery already handled; its key is the primary key, so a redelivery cannot insert twice.</summary>
public sealed class ProcessedWebhookRecord
{
    public required string Key { get; set; }
    public required string AccountId { get; set; }
    public DateTimeOffset At { get; set; }
}
