namespace Dnd.Crm.Persistence;

/// <summary>
/// One event for one subscription, staged in the consent write that caused it. Its id, given by the database at insert,
/// grows in commit order within a contact (the account's writes are serialized), so it is also the per-contact order.
/// </summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }
    public required string SubscriptionId { get; set; }
    public required string AccountId { get; set; }

    /// <summary>What deliveries are ordered by: the contact's id, or "address:" and the address for an address's own ledger line.</summary>
    public required string Subject { get; set; }

    public required string Event { get; set; }

    /// <summary>The exact bytes sent (UTF-8 JSON), kept so retries and redeliveries sign and send the same body.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? FirstAttemptAt { get; set; }

    /// <summary>Set while a sender holds it: past this, a sender that crashed mid-POST is presumed gone and it is sent again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
