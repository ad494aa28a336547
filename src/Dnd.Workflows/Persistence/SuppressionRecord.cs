namespace Dnd.Workflows.Persistence;

/// <summary>
/// A permanent DND that outlived its contact: when a contact who opted out is deleted, their address stays
/// suppressed so re-importing or re-creating them cannot quietly make them reachable again.
/// </summary>
public sealed class SuppressionRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string Channel { get; set; }

    /// <summary>Normalized email (Email) or phone (SMS, WhatsApp, Call).</summary>
    public required string Address { get; set; }

    public string? Code { get; set; }
    public string? Message { get; set; }
    public bool SpamLock { get; set; }
    public DateTimeOffset At { get; set; }
}
