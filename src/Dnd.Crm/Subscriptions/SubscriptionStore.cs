using Dnd.Crm.Persistence;
using Dnd.Shared.Ids;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// An account's subscriptions and their delivery log. Changes run in the account's write (so none lands between a
/// consent write's check of the subscriptions and its commit) and reload the <see cref="SubscriptionDirectory"/> once committed.
/// </summary>
public sealed class SubscriptionStore(CrmDbContext db, AccountWrites writes, SubscriptionSecrets secrets, SubscriptionDirectory directory,
    WebhookDispatcher dispatcher, WebhookSender sender, TimeProvider clock)
{
    /// <returns>The subscription, and its secret: the only time it is shown.</returns>
    public async Task<(WebhookSubscriptionRecord Subscription, string Secret)> CreateAsync(string accountId, string url, IReadOnlyList<string> events,
        string actedBy, CancellationToken ct)
    {
        var secret = SubscriptionSecrets.New();
        // Protected before the write: Data Protection may write a new key (rotation), which on SQLite would wait for this write's writer.
        var sealedSecret = secrets.Protect(secret);
        var now = clock.GetUtcNow();
        var row = new WebhookSubscriptionRecord
        {
            Id = RowIds.New(), AccountId = accountId, Url = url, Events = string.Join(",", events), ProtectedSecret = sealedSecret,
            CreatedAt = now, CreatedBy = actedBy, SecretChangedAt = now,
        };
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            db.WebhookSubscriptions.Add(row);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        await directory.ReloadAsync(db, ct);
        return (row, secret);
    }

    public Task<int> CountAsync(string accountId, CancellationToken ct) => db.WebhookSubscriptions.CountAsync(s => s.AccountId == accountId, ct);

    public Task<List<WebhookSubscriptionRecord>> ListAsync(string accountId, CancellationToken ct) =>
        db.WebhookSubscriptions.AsNoTracking().Where(s => s.AccountId == accountId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(ct);

    public Task<WebhookSubscriptionRecord?> FindAsync(string accountId, string id, CancellationToken ct) =>
        db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct);

    /// <summary>Deletes the subscription with its deliveries and their log: nothing more is sent to the URL.</summary>
    /// <returns>false when the account has no such subscription.</returns>
    public async Task<bool> DeleteAsync(string accountId, string id, CancellationToken ct)
    {
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            var deliveries = db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.AccountId == accountId);
            await db.WebhookAttempts.Where(a => deliveries.Any(d => d.Id == a.DeliveryId)).ExecuteDeleteAsync(ct);
            await deliveries.ExecuteDeleteAsync(ct);
            if (await db.WebhookSubscriptions.Where(s => s.Id == id && s.AccountId == accountId).ExecuteDeleteAsync(ct) == 0)
            {
                return false;
            }
            await write.CommitAsync(ct);
        }
        await directory.ReloadAsync(db, ct);
        return true;
    }

    /// <summary>A new secret, in force for every delivery sent from now on (retries included); the old one stops at once.</summary>
    /// <returns>The new secret, or null when the account has no such subscription.</returns>
    public async Task<(WebhookSubscriptionRecord Subscription, string Secret)?> RotateAsync(string accountId, string id, CancellationToken ct)
    {
        var secret = SubscriptionSecrets.New();
        var sealedSecret = secrets.Protect(secret);
        WebhookSubscriptionRecord? row;
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            row = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id && s.AccountId == accountId, ct);
            if (row is null)
            {
                return null;
            }
            (row.ProtectedSecret, row.SecretChangedAt) = (sealedSecret, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        await directory.ReloadAsync(db, ct);
        return (row, secret);
    }

    /// <summary>A page of the subscription's deliveries, newest first, before the id <paramref name="before"/> when given, with their attempts.</summary>
    public async Task<(List<WebhookDeliveryRecord> Deliveries, ILookup<long, WebhookAttemptRecord> Attempts)> DeliveriesAsync(string accountId,
        string subscriptionId, long? before, int limit, CancellationToken ct)
    {
        var page = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId && d.AccountId == accountId && (before == null || d.Id < before))
            .OrderByDescending(d => d.Id).Take(limit).ToListAsync(ct);
        var ids = page.Select(d => d.Id).ToList();
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(ct);
        return (page, attempts.ToLookup(a => a.DeliveryId));
    }

    /// <summary>
    /// Sends a delivery again now, whatever its status, and logs it as a new attempt. It is leased meanwhile, so neither
    /// the dispatcher nor a second redelivery sends it (or a later event of its contact, while it is pending) at the
    /// same time. A 2xx marks a pending or failed delivery delivered, which lets the contact's later events go.
    /// </summary>
    /// <returns>The attempt, or null when the account's subscription has no such delivery; <see cref="InvalidOperationException"/> while it is being sent.</returns>
    public async Task<WebhookAttemptResult?> RedeliverAsync(string accountId, string subscriptionId, long deliveryId, CancellationToken ct)
    {
        if (!await db.WebhookDeliveries.AnyAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId && d.AccountId == accountId, ct)
            || directory.Find(subscriptionId) is not { } subscription)
        {
            return null;
        }
        var claimed = await dispatcher.ClaimAsync(accountId, [deliveryId], clock.GetUtcNow(), ct, redelivery: true);
        if (claimed.SingleOrDefault() is not { } delivery)
        {
            throw new InvalidOperationException("The delivery is being sent right now; ask again once that attempt is logged.");
        }
        var result = await sender.SendAsync(subscription, delivery, ct);
        await dispatcher.RecordAsync(accountId, [(delivery, result)], redelivery: true, ct);
        return result;
    }
}
