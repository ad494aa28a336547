namespace Dnd.Crm.Persistence;

/// <summary>
/// A possible opt-out waiting for staff (or handled by them): the message that might revoke consent on a channel, why
/// the rules flagged it, and the deadline by which it must be honoured if it is one (10 business days from receipt).
/// </summary>
public sealed class OptOutReviewRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }
    public required string Channel { get; set; }

    /// <summary>The inbound message flagged, when it came as one.</summary>
    public string? MessageId { get; set; }
    public string Body { get; set; } = "";

    /// <summary>The rule that flagged it and what it said.</summary>
    public string Rule { get; set; } = "";
    public string Reason { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }

    /// <summary><see cref="OptOutReviewStatus"/>.</summary>
    public string Status { get; set; } = OptOutReviewStatus.Open;
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledBy { get; set; }
    public string? Note { get; set; }

    /// <summary>The contact's ledger line that flagged it, then the one that closed it.</summary>
    public long FlaggedSequence { get; set; }
    public long? HandledSequence { get; set; }
}
