namespace Dnd.Crm.Subscriptions;

/// <summary>The headers every delivery carries beside its signature.</summary>
public static class WebhookHeaders
{
    /// <summary>The event's name (<see cref="WebhookEvents"/>).</summary>
    public const string Event = "X-Dnd-Event";

    /// <summary>
    /// The delivery's id: the same on every retry and redelivery, so a receiver drops one it has already applied
    /// (delivery is at least once). Ids grow in commit order within a contact.
    /// </summary>
    public const string Delivery = "X-Dnd-Delivery";
}
