using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// Sends the staged deliveries. Each pass: the due ones (pending, their time come, not leased, and the earliest pending
/// of their subscription and subject, so a contact's events arrive in order while other contacts' go on) are leased in
/// their account's write, POSTed concurrently outside any write, and their attempts recorded in the account's write.
/// A sender that dies mid-POST leaves its lease to expire, and the delivery goes again: at least once.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, SubscriptionDirectory directory, WebhookSender sender, WebhookWatcher watcher,
    TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first request: a consent write must see the subscriptions that exist.
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }
        var refreshed = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() - refreshed >= options.Value.RefreshEvery)
                {
                    await ReloadAsync(stoppingToken);
                    refreshed = clock.GetUtcNow();
                }
                // Something sent may have let the next of its contact's events go: straight on, rather than wait.
                if (await DispatchPendingAsync(stoppingToken) == 0)
                {
                    await watcher.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbound webhook pass failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await directory.ReloadAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), ct);
    }

    /// <summary>The deliveries a pass may send now, in id order.</summary>
    public static IQueryable<WebhookDeliveryRecord> Due(CrmDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now)
                && !db.WebhookDeliveries.Any(e => e.SubscriptionId == d.SubscriptionId && e.Subject == d.Subject
                    && e.Status == WebhookDeliveryStatus.Pending && e.Id < d.Id))
            .OrderBy(d => d.Id);

    /// <returns>How many deliveries were POSTed in this pass.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<(long Id, string AccountId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = (await Due(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), now).Select(d => new { d.Id, d.AccountId })
                .Take(options.Value.Batch).ToListAsync(ct)).Select(d => (d.Id, d.AccountId)).ToList();
        }
        var claimed = new List<WebhookDeliveryRecord>();
        var started = new System.Collections.Concurrent.ConcurrentDictionary<long, bool>();
        var results = new System.Collections.Concurrent.ConcurrentBag<(WebhookDeliveryRecord Delivery, WebhookAttemptResult Result)>();
        try
        {
            foreach (var account in due.GroupBy(d => d.AccountId))
            {
                claimed.AddRange(await ClaimAsync(account.Key, account.Select(d => d.Id).ToList(), now, ct));
            }
            // A stop starts no more POSTs; one started runs to its answer (bounded by the sender's timeout), which is recorded.
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
                async (delivery, _) =>
                {
                    started[delivery.Id] = true;
                    results.Add((delivery, await SendAsync(delivery, CancellationToken.None)));
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: leases on deliveries never POSTed are handed back, so another host sends them now, not after the lease.
            foreach (var account in claimed.Where(d => !started.ContainsKey(d.Id)).GroupBy(d => d.AccountId))
            {
                await ReleaseAsync(account.Key, account.Select(d => d.Id).ToList());
            }
            throw;
        }
        finally
        {
            foreach (var account in results.GroupBy(r => r.Delivery.AccountId))
            {
                await RecordAsync(account.Key, account.ToList(), redelivery: false, ct.IsCancellationRequested ? CancellationToken.None : ct);
            }
        }
        return claimed.Count;
    }

    private async Task<WebhookAttemptResult> SendAsync(WebhookDeliveryRecord delivery, CancellationToken ct) =>
        directory.Find(delivery.SubscriptionId) is { } subscription
            ? await sender.SendAsync(subscription, delivery, ct)
            : new WebhookAttemptResult(clock.GetUtcNow(), null, null, 0, "the subscription is gone");

    /// <summary>
    /// Leases the deliveries that are still free, in the account's write; the ones another sender took are left to it.
    /// The dispatcher's own take only pending ones (one delivered meanwhile, by a redelivery, is not sent again).
    /// </summary>
    public async Task<List<WebhookDeliveryRecord>> ClaimAsync(string accountId, IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken ct,
        bool redelivery = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var free = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.AccountId == accountId && (d.LeaseUntil == null || d.LeaseUntil <= now)
            && (redelivery || d.Status == WebhookDeliveryStatus.Pending)).ToListAsync(ct);
        foreach (var delivery in free)
        {
            delivery.LeaseUntil = now + options.Value.Lease;
            delivery.FirstAttemptAt ??= now;
            if (!redelivery)
            {
                delivery.Attempts++;
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return free;
    }

    /// <summary>Unleases deliveries claimed but never POSTed, their claimed attempt not counted; the stop's last write, never cancelled.</summary>
    private async Task ReleaseAsync(string accountId, List<long> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, CancellationToken.None);
        foreach (var delivery in await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.AccountId == accountId).ToListAsync(CancellationToken.None))
        {
            delivery.LeaseUntil = null;
            delivery.Attempts--;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    /// <summary>Logs each attempt and moves its delivery on: delivered on a 2xx, else retried later or, past the retry period, failed.</summary>
    public async Task RecordAsync(string accountId, IReadOnlyList<(WebhookDeliveryRecord Delivery, WebhookAttemptResult Result)> attempts, bool redelivery,
        CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var byId = attempts.ToDictionary(a => a.Delivery.Id, a => a.Result);
        var ids = byId.Keys.ToList();
        var now = clock.GetUtcNow();
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        foreach (var delivery in await db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.AccountId == accountId).ToListAsync(ct))
        {
            var result = byId[delivery.Id];
            db.WebhookAttempts.Add(result.ToRecord(delivery.Id, redelivery));
            delivery.LeaseUntil = null;
            if (result.Delivered)
            {
                (delivery.Status, delivery.DeliveredAt) = (WebhookDeliveryStatus.Delivered, delivery.DeliveredAt ?? now);
            }
            else if (delivery.Status == WebhookDeliveryStatus.Pending && !redelivery)
            {
                WebhookBackoff.Failed(delivery, now, options.Value);
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
