using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>The outbound webhook tables (Dnd.Crm.Subscriptions)' keys and indexes.</summary>
public static class WebhookModel
{
    public static void Map(ModelBuilder b)
    {
        b.Entity<WebhookSubscriptionRecord>().HasKey(s => s.Id);
        b.Entity<WebhookSubscriptionRecord>().HasIndex(s => s.AccountId);
        b.Entity<WebhookSubscriptionRecord>().Ignore(s => s.EventList);
        var delivery = b.Entity<WebhookDeliveryRecord>();
        delivery.HasKey(d => d.Id);
        // The dispatcher's due deliveries, and per subscription and subject the earliest still pending (the order it keeps).
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.SubscriptionId, d.Subject, d.Status, d.Id });
        // The log, newest first.
        delivery.HasIndex(d => new { d.SubscriptionId, d.Id });
        b.Entity<WebhookAttemptRecord>().HasKey(a => a.Id);
        b.Entity<WebhookAttemptRecord>().HasIndex(a => new { a.DeliveryId, a.Id });
    }
}
