using System.Collections.Concurrent;
using Dnd.Crm.Persistence;
using Dnd.Shared.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Subscriptions;

/// <summary>
/// Sends the staged deliveries. Each pass takes the due ones (pending, their time come, not leased, and the earliest
/// pending of their subscription and subject, so a contact's events arrive in order while other contacts' go on) and
/// gives each subscription's a lane of its own: leased in their account's write, POSTed concurrently outside any write
/// (at most <see cref="WebhookOptions.SubscriptionConcurrency"/> at once), their attempts recorded in the account's
/// write. A pass does not wait for the lanes, and leaves a subscription whose lane is still going to it: a receiver
/// that hangs holds its own lane, and every other subscription's deliveries go on past it. A sender that dies
/// mid-POST leaves its lease to expire, and the delivery goes again: at least once.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, SubscriptionDirectory directory, WebhookSender sender, WebhookWatcher watcher,
    TimeProvider clock, IOptions<WebhookOptions> options, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The subscriptions with a lane under way, by id.</summary>
    private readonly ConcurrentDictionary<string, Task> _lanes = new();

    /// <summary>POSTs in flight across all lanes.</summary>
    private readonly SemaphoreSlim _slots = new(options.Value.Concurrency);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Background)
        {
            return;
        }
        var refreshed = clock.GetUtcNow();
        try
        {
            await WorkerLoop.RunAsync(async ct =>
            {
                if (clock.GetUtcNow() - refreshed >= options.Value.RefreshEvery)
                {
                    await ReloadAsync(ct);
                    refreshed = clock.GetUtcNow();
                }
                // A lane that ends wakes the watcher: what it sent may have let the next of its contacts' events go.
                if ((await StartPassAsync(ct)).Count == 0)
                {
                    await watcher.WaitAsync(options.Value.PollInterval, ct);
                }
            }, e => logger.LogError(e, "Outbound webhook pass failed; retrying"), options.Value.PollInterval, clock, stoppingToken);
        }
        finally
        {
            // The stop waits for the lanes: their POSTs under way are answered and recorded, the rest handed back.
            try
            {
                await Task.WhenAll(_lanes.Values);
            }
            catch (Exception)
            {
                // Each lane logged its own failure; a stop's cancellation is how they end.
            }
        }
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await directory.ReloadAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), ct);
    }

    /// <summary>The deliveries a pass may send now, in id order.</summary>
    public static IQueryable<WebhookDeliveryRecord> Due(CrmDbContext db, DateTimeOffset now) => DueUnordered(db, now).OrderBy(d => d.Id);

    /// <summary>The deliveries a pass may send now.</summary>
    public static IQueryable<WebhookDeliveryRecord> DueUnordered(CrmDbContext db, DateTimeOffset now) =>
        db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil <= now)
            && !db.WebhookDeliveries.Any(e => e.SubscriptionId == d.SubscriptionId && e.Subject == d.Subject
                && e.Status == WebhookDeliveryStatus.Pending && e.Id < d.Id));

    /// <summary>One pass, waiting for its lanes to end (tests, and the server without <see cref="WebhookOptions.Background"/>).</summary>
    /// <returns>How many deliveries were POSTed in this pass.</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct) => (await Task.WhenAll(await StartPassAsync(ct))).Sum();

    /// <returns>The lanes started, each ending with how many of its deliveries it POSTed.</returns>
    private async Task<List<Task<int>>> StartPassAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var busy = _lanes.Keys.ToList();
        List<(long Id, string AccountId, string SubscriptionId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = (await Due(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), now).Where(d => !busy.Contains(d.SubscriptionId))
                    .Select(d => new { d.Id, d.AccountId, d.SubscriptionId }).Take(options.Value.Batch).ToListAsync(ct))
                .Select(d => (d.Id, d.AccountId, d.SubscriptionId)).ToList();
        }
        var lanes = new List<Task<int>>();
        foreach (var subscription in due.GroupBy(d => (d.SubscriptionId, d.AccountId)))
        {
            var ids = subscription.Select(d => d.Id).Take(LaneSize).ToList();
            // Registered before it starts, so it cannot end (and leave) before it was marked busy.
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var lane = RunLaneAsync(registered.Task, subscription.Key.SubscriptionId, subscription.Key.AccountId, ids, now, ct);
            _lanes[subscription.Key.SubscriptionId] = lane;
            registered.SetResult();
            lanes.Add(lane);
        }
        return lanes;
    }

    /// <summary>A lane's life: busy from before it starts until it has recorded all it sent, then the loop is woken.</summary>
    private async Task<int> RunLaneAsync(Task registered, string subscriptionId, string accountId, List<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        await registered;
        try
        {
            return await LaneAsync(accountId, ids, now, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Outbound webhook lane of subscription {SubscriptionId} failed", subscriptionId);
            throw;
        }
        finally
        {
            _lanes.TryRemove(subscriptionId, out _);
            watcher.Committed();
        }
    }

    /// <summary>
    /// What one lane takes: as many as it can POST, each taking up to the timeout, before its leases run out — so even
    /// a receiver that hangs on every one has them all answered while they are still this host's.
    /// </summary>
    private int LaneSize => options.Value.SubscriptionConcurrency * Math.Max(1, (int)(options.Value.Lease / options.Value.Timeout) - 1);

    /// <summary>One subscription's due deliveries: leased, POSTed (a stop starts no more, and hands back those not started), recorded.</summary>
    private async Task<int> LaneAsync(string accountId, List<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        var results = new ConcurrentBag<(WebhookDeliveryRecord Delivery, WebhookAttemptResult Result)>();
        try
        {
            return await ClaimedWork.RunAsync<WebhookDeliveryRecord>(async claimed => claimed.AddRange(await ClaimAsync(accountId, ids, now, ct)),
                options.Value.SubscriptionConcurrency, async delivery => results.Add((delivery, await SendAsync(delivery, CancellationToken.None))),
                unstarted => ReleaseAsync(accountId, unstarted.Select(d => d.Id).ToList()), ct, _slots);
        }
        finally
        {
            if (!results.IsEmpty)
            {
                await RecordAsync(accountId, results.ToList(), redelivery: false, ct.IsCancellationRequested ? CancellationToken.None : ct);
            }
        }
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
