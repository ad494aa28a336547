namespace Dnd.Crm.Persistence;

/// <summary>Statuses of an outbound message.</summary>
public static class MessageStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";

    /// <summary>Refused by DND when it was composed.</summary>
    public const string Skipped = "skipped";

    /// <summary>Caught in the outbox by consent that changed after it was queued.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A marketing message waiting while a possible opt-out on its channel is reviewed: released or cancelled then.</summary>
    public const string Held = "held";
}
