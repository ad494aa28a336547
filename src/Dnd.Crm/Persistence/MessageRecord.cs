namespace Dnd.Crm.Persistence;

/// <summary>
/// An outbound or inbound message. Outbound: "queued" until the outbox claims it, "sending" while its provider has it,
/// "sent" or "failed" on the provider's answer, "skipped" when DND refused it at send time,
/// "cancelled" when a later opt-out caught it in the outbox (StatusReason and LedgerSequence say which decision),
/// "held" while a possible opt-out on its channel is reviewed (marketing only). A queued marketing message outside the
/// recipient's sending window waits for NotBefore, still queued, so every opt-out still finds and cancels it.
/// </summary>
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

    /// <summary><see cref="MessagePurpose"/>: marketing unless the sender said transactional.</summary>
    public string Purpose { get; set; } = MessagePurpose.Marketing;

    /// <summary>Not to leave after this (an opt-out's confirmation: 5 minutes after the opt-out).</summary>
    public DateTimeOffset? NotAfter { get; set; }

    /// <summary>Not to leave before this: a marketing message waiting for the recipient's quiet hours to end.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>Why it was skipped, cancelled or held, or why a queued one waits.</summary>
    public string? StatusReason { get; set; }

    /// <summary>When the outbox claimed it for its provider (status sending); a claim older than the lease is looked up at the provider.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>Hand-overs tried so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The provider's id of the message (Twilio's SM…, the e-mail's Message-Id), once it took it.</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>
    /// What the provider last reported about the sent message on its webhook (Twilio's delivered, undelivered, failed;
    /// Mailgun's delivered, failed, complained…), found by its id (Twilio's MessageSid, Mailgun's dnd-message-id variable).
    /// </summary>
    public string? ProviderStatus { get; set; }

    /// <summary>The provider's code of a permanent refusal (Twilio's 21610, smtp_550), which the DND rules read.</summary>
    public string? ProviderErrorCode { get; set; }

    /// <summary>The contact's ledger line whose decision blocked it, when one did.</summary>
    public long? LedgerSequence { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C traceparent of the span that wrote it, when telemetry is on: the worker's span continues that trace (<see cref="Dnd.Shared.Telemetry.TraceParents"/>).</summary>
    public string? TraceParent { get; set; }
}
