namespace Dnd.Crm.Persistence;

/// <summary>A URL an account subscribed to some Dnd.Crm.Subscriptions.WebhookEvents, with the secret its deliveries are signed with.</summary>
public sealed class WebhookSubscriptionRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Url { get; set; }

    /// <summary>The subscribed events, comma-separated (event names hold no commas).</summary>
    public required string Events { get; set; }

    /// <summary>
    /// The signing secret protected with Data Protection: it cannot be hashed, as every delivery is signed with it; it is
    /// shown once, when made (or rotated), and never read back through the API.
    /// </summary>
    public required string ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset SecretChangedAt { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
