using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Providers deliver at least once. Each delivery's key is inserted in the same transaction as its effects, so a
/// redelivery finds the key and changes nothing, and a delivery whose processing failed can be retried.
/// </summary>
public static class WebhookIdempotency
{
    public static async Task<bool> TryClaimAsync(DndDbContext db, string accountId, string key, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.ProcessedWebhooks.AnyAsync(w => w.Key == key, ct))
        {
            return false;
        }
        var record = db.ProcessedWebhooks.Add(new ProcessedWebhookRecord { Key = key, AccountId = accountId, At = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent delivery of the same event claimed it first.
            record.State = EntityState.Detached;
            return false;
        }
    }
}
