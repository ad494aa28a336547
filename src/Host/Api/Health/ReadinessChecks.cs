using System.Diagnostics;
using System.Globalization;
using Dnd.Activities.Persistence;
using Dnd.Crm.Delivery;
using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;
using Dnd.Crm.Suppressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Api.Health;

/// <summary>
/// What /health/ready measures: the database answers a trivial query in time, start-up left no migration pending, and
/// the oldest due work item of the outbox, the workflow worker, the job runner, the outbound webhook dispatcher and the
/// suppression remover has not waited past its threshold.
/// Each lag is one seek to the head of the index the worker itself reads by (WorkQueryPlanTests), so a probe
/// every few seconds costs a handful of index lookups, never a table scan.
/// </summary>
public sealed class ReadinessChecks(DndDbContext db, SchemaStatus schema, TimeProvider clock, IOptions<HealthOptions> options, ILogger<ReadinessChecks> logger)
{
    /// <param name="ct">The request's: a probe that hung up gets no answer; the checks' own time limit is a failed check.</param>
    public async Task<ReadinessReport> RunAsync(CancellationToken ct)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.DatabaseTimeout);
        var watch = Stopwatch.StartNew();
        var database = await Guarded("database", Milliseconds(limits.DatabaseTimeout), async () =>
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return new ReadinessCheck("database", true, Milliseconds(watch.Elapsed), Milliseconds(limits.DatabaseTimeout));
        }, ct);
        var checks = new List<ReadinessCheck> { database, Migrations() };
        if (!database.Healthy)
        {
            // The lags cannot be read either; one failure, said once, is clearer than four timeouts.
            return ReadinessReport.Of(checks);
        }
        var now = clock.GetUtcNow();
        checks.Add(await LagAsync("outbox", [OldestDueMessage(db, now)], now, limits.MaxOutboxLag, timeout.Token, ct));
        checks.Add(await LagAsync("workflows", [OldestPendingTrigger(db), OldestDueTimer(db, now)], now, limits.MaxWorkflowLag, timeout.Token, ct));
        checks.Add(await LagAsync("jobs", [OldestQueuedJob(db)], now, limits.MaxJobLag, timeout.Token, ct));
        checks.Add(await LagAsync("webhooks", [OldestDueWebhook(db, now)], now, limits.MaxWebhookLag, timeout.Token, ct));
        checks.Add(await LagAsync("suppression-removals", [OldestDueSuppressionRemoval(db, now)], now, limits.MaxSuppressionRemovalLag, timeout.Token, ct));
        return ReadinessReport.Of(checks);
    }

    /// <summary>When the oldest queued message came due (the outbox's own reading of due, on its index).</summary>
    public static IQueryable<DateTimeOffset?> OldestDueMessage(DndDbContext db, DateTimeOffset now) =>
        OutboxQueries.Due(db, now).Select(m => (DateTimeOffset?)(m.NotBefore ?? m.CreatedAt)).Take(1);

    public static IQueryable<DateTimeOffset?> OldestPendingTrigger(DndDbContext db) =>
        db.PendingTriggers.OrderBy(t => t.CreatedAt).Select(t => (DateTimeOffset?)t.CreatedAt).Take(1);

    public static IQueryable<DateTimeOffset?> OldestDueTimer(DndDbContext db, DateTimeOffset now) =>
        db.Bookmarks.Where(b => b.DueAt != null && b.DueAt <= now).OrderBy(b => b.DueAt).Select(b => b.DueAt).Take(1);

    public static IQueryable<DateTimeOffset?> OldestQueuedJob(DndDbContext db) =>
        db.Set<JobRecord>().Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.CreatedAt).Select(j => (DateTimeOffset?)j.CreatedAt).Take(1);

    /// <summary>When the oldest due webhook delivery came due (the dispatcher's own reading of due).</summary>
    public static IQueryable<DateTimeOffset?> OldestDueWebhook(DndDbContext db, DateTimeOffset now) =>
        WebhookDispatcher.DueUnordered(db, now).OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).Take(1);

    /// <summary>When the oldest due suppression removal came due (the remover's own reading of due).</summary>
    public static IQueryable<DateTimeOffset?> OldestDueSuppressionRemoval(DndDbContext db, DateTimeOffset now) =>
        SuppressionRemover.Due(db, now).Select(r => (DateTimeOffset?)r.NextAttemptAt).Take(1);

    private ReadinessCheck Migrations() => schema.Pending switch
    {
        null => new ReadinessCheck("migrations", false, "not checked yet: start-up has not prepared the database"),
        [] => new ReadinessCheck("migrations", true, "none pending"),
        var pending => new ReadinessCheck("migrations", false, "pending: " + string.Join(", ", pending)),
    };

    /// <summary>How long the earliest of the queues' oldest due items has waited, against the limit.</summary>
    private Task<ReadinessCheck> LagAsync(string name, IQueryable<DateTimeOffset?>[] oldest, DateTimeOffset now, TimeSpan limit,
        CancellationToken timeout, CancellationToken ct) =>
        Guarded(name, Seconds(limit), async () =>
        {
            DateTimeOffset? due = null;
            foreach (var queue in oldest)
            {
                if (await queue.FirstOrDefaultAsync(timeout) is { } at && (due is null || at < due))
                {
                    due = at;
                }
            }
            var lag = due is { } first && first < now ? now - first : TimeSpan.Zero;
            return new ReadinessCheck(name, lag <= limit, Seconds(lag), Seconds(limit));
        }, ct);

    /// <summary>
    /// A check that throws or runs out of time failed. The probe is anonymous, so it says what kind of failure; the
    /// database's own message (hosts, users) goes to the log. Only the caller hanging up cancels.
    /// </summary>
    private async Task<ReadinessCheck> Guarded(string name, string threshold, Func<Task<ReadinessCheck>> check, CancellationToken ct)
    {
        try
        {
            return await check();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Readiness check {Check} failed", name);
            return new ReadinessCheck(name, false, e is OperationCanceledException ? "no answer in time" : "failed: " + e.GetBaseException().GetType().Name, threshold);
        }
    }

    private static string Milliseconds(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
