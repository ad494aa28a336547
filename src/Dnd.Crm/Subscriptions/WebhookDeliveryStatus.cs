namespace Dnd.Crm.Subscriptions;

/// <summary>Where a delivery is: still to be sent (or retried), received with a 2xx, or given up on after the retry period.</summary>
public static class WebhookDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
