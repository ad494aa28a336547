namespace Dnd.Crm.Persistence;

/// <summary>Statuses of a message (outbound, and the two of an inbound one).</summary>
public static class MessageStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";

    /// <summary>Claimed by the outbox and handed to its provider; sent or failed once the provider answers.</summary>
    public const string Sending = "sending";

    /// <summary>The provider refused it for good (ProviderErrorCode), or it kept being refused for now past the last try.</summary>
    public const string Failed = "failed";

    /// <summary>Refused by DND when it was composed.</summary>
    public const string Skipped = "skipped";

    /// <summary>Caught in the outbox by consent that changed after it was queued.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A marketing message waiting while a possible opt-out on its channel is reviewed: released or cancelled then.</summary>
    public const string Held = "held";

    /// <summary>An inbound message or call, as it arrived.</summary>
    public const string Received = "received";

    /// <summary>An inbound message or call from a contact with inbound DND: kept, and it resumes no workflow.</summary>
    public const string BlockedInboundDnd = "blocked-inbound-dnd";
}
