using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Dnd.Crm.Messaging;
using Dnd.Shared.Work;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// Takes lifted addresses off Mailgun's bounce and unsubscribe lists (never the complaint list: a complaint is a spam
/// lock nobody lifts). A removal waits while its account has no Mailgun connected; a refusal is tried again with
/// backoff and given up after <see cref="GiveUpAfter"/>, audited either way. A removal is idempotent at Mailgun, so one
/// done twice (two hosts, a crash before its row was marked) costs a call and nothing else.
/// </summary>
public sealed class SuppressionRemover(IServiceScopeFactory scopes, SuppressionRemovals removals, MailgunSuppressions mailgun, TimeProvider clock,
    IOptions<MessagingOptions> options, ILogger<SuppressionRemover> logger) : BackgroundService
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    /// <summary>How long a pass holds the removals it is doing (longer than any call's timeout); a graceful stop hands back those it never began.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The backstop poll: a removal waiting on a retry, or on a connect, is found by it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SuppressionSync)
        {
            logger.LogInformation("Suppression sync is off here: lifted addresses wait for a pass elsewhere.");
            return;
        }
        await WorkerLoop.RunAsync(async ct =>
        {
            if (await RemovePendingAsync(ct) < Batch)
            {
                await removals.Signal.WaitAsync(PollInterval, ct);
            }
        }, e => logger.LogError(e, "Suppression removal pass failed; retrying"), PollInterval, clock, stoppingToken);
    }

    /// <summary>The removals a pass may do now, longest due first: their time come, not held, and their account's Mailgun connected.</summary>
    public static IQueryable<SuppressionRemovalRecord> Due(CrmDbContext db, DateTimeOffset now) =>
        db.SuppressionRemovals.Where(r => r.Status == SuppressionRemovalStatus.Pending && r.NextAttemptAt <= now && db.Integrations.Any(i =>
                i.AccountId == r.AccountId && i.Provider == IntegrationProviders.Mailgun && i.Status == IntegrationStatus.Connected))
            .OrderBy(r => r.NextAttemptAt);

    /// <returns>How many removals were tried.</returns>
    public async Task<int> RemovePendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow();
        var due = await Due(db, now).AsNoTracking().Take(Batch).ToListAsync(ct);
        var tried = 0;
        foreach (var account in due.GroupBy(r => r.AccountId))
        {
            var lookup = await scope.ServiceProvider.GetRequiredService<IntegrationDirectory>().LookupAsync(account.Key, Channel.Email, ct);
            if (lookup.Connection is not MailgunConnection connection)
            {
                continue; // disconnected since the query: the removals wait for the next connect
            }
            var ids = account.Select(r => r.Id).ToList();
            var outcomes = new List<(SuppressionRemovalRecord Row, string? Removed, string? Refused, bool Transient)>();
            try
            {
                // One at a time, as Mailgun's rate limits like. A stop lets the removal under way finish (bounded by the
                // call's timeout) and be recorded, and hands back the ones not started, for the next host now.
                tried += await ClaimedWork.RunAsync<SuppressionRemovalRecord>(
                    async claimed => claimed.AddRange(await ClaimAsync(scope.ServiceProvider, account.Key, ids, ct)), 1,
                    async row => outcomes.Add(await RemoveAsync(row, connection, CancellationToken.None)),
                    unstarted => ReleaseAsync(account.Key, unstarted.Select(r => r.Id).ToList()), ct);
            }
            finally
            {
                if (outcomes.Count > 0)
                {
                    await RecordAsync(scope.ServiceProvider, account.Key, outcomes, ct.IsCancellationRequested ? CancellationToken.None : ct);
                }
            }
        }
        return tried;
    }

    /// <summary>
    /// The rows still due, pushed a lease ahead in the account's write: another pass (another host) leaves them alone
    /// while this one calls Mailgun, and finds them again after a crash.
    /// </summary>
    private async Task<List<SuppressionRemovalRecord>> ClaimAsync(IServiceProvider services, string accountId, List<string> ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow();
        await using var write = await services.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var rows = await db.SuppressionRemovals
            .Where(r => ids.Contains(r.Id) && r.Status == SuppressionRemovalStatus.Pending && r.NextAttemptAt <= now).ToListAsync(ct);
        rows.ForEach(r => r.NextAttemptAt = now + Lease);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>Due again now, their hold dropped: the stop's last write, never cancelled.</summary>
    private async Task ReleaseAsync(string accountId, List<string> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, CancellationToken.None);
        var now = clock.GetUtcNow();
        foreach (var row in await db.SuppressionRemovals.Where(r => ids.Contains(r.Id) && r.Status == SuppressionRemovalStatus.Pending).ToListAsync())
        {
            row.NextAttemptAt = now;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await write.CommitAsync(CancellationToken.None);
    }

    private async Task<(SuppressionRemovalRecord, string?, string?, bool)> RemoveAsync(SuppressionRemovalRecord row, MailgunConnection connection,
        CancellationToken ct)
    {
        var said = new List<string>();
        try
        {
            foreach (var list in MailgunSuppressionList.All.Where(l => l.RemovedOnLift))
            {
                said.Add(await mailgun.RemoveAsync(row.AccountId, connection, list, row.Address, ct) ? $"removed from {list.Name}" : $"not on {list.Name}");
            }
            return (row, string.Join("; ", said), null, false);
        }
        catch (SuppressionCallException e)
        {
            return (row, null, string.Join("; ", said.Append(e.Message)), e.Transient);
        }
    }

    /// <summary>The outcomes, in the account's write: each row done, failed or due again, and the finished ones audited.</summary>
    private async Task RecordAsync(IServiceProvider services, string accountId, IReadOnlyList<(SuppressionRemovalRecord Row, string? Removed,
        string? Refused, bool Transient)> outcomes, CancellationToken ct)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow();
        await using var write = await services.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        foreach (var (row, removed, refused, transient) in outcomes)
        {
            db.SuppressionRemovals.Attach(row);
            row.Attempts++;
            if (removed is not null)
            {
                (row.Status, row.Result, row.FinishedAt) = (SuppressionRemovalStatus.Done, removed, now);
                db.IntegrationEvents.Add(Audit(row, IntegrationEventKinds.SuppressionRemoved, $"{row.Address}: {removed} (e-mail DND lifted)", now));
            }
            else if (!transient || now - row.CreatedAt >= GiveUpAfter)
            {
                (row.Status, row.Result, row.FinishedAt) = (SuppressionRemovalStatus.Failed, refused, now);
                db.IntegrationEvents.Add(Audit(row, IntegrationEventKinds.SuppressionRemovalFailed,
                    $"{row.Address}: given up after {row.Attempts} tries ({refused}); remove it from Mailgun's suppression lists by hand", now));
                logger.LogWarning("Suppression removal {Id} given up after {Attempts} tries", row.Id, row.Attempts);
            }
            else
            {
                (row.Result, row.NextAttemptAt) = (refused, now + Backoff(row.Attempts));
            }
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }

    /// <summary>1, 2, 4 … minutes, at most an hour, with a little jitter so a Mailgun outage's backlog does not return at once.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts - 1, 6)))) * (1 + Random.Shared.NextDouble() * 0.1);

    private static IntegrationEventRecord Audit(SuppressionRemovalRecord row, string action, string detail, DateTimeOffset at) =>
        IntegrationAudit.Event(row.AccountId, IntegrationProviders.Mailgun, action, "dnd suppression sync", at, detail);
}
