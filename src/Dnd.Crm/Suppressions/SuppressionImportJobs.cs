using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Suppressions;

/// <summary>Starts the import of a Mailgun domain's suppression lists once it is connected (or its domain or key changed).</summary>
public sealed class SuppressionImportJobs(JobQueue jobs, CrmDbContext db, AccountWrites writes, TimeProvider clock)
{
    /// <summary>The job, and an audited line naming it, so the integration's events lead to its progress (or why it failed).</summary>
    /// <returns>The import's job; none for a provider other than Mailgun.</returns>
    public async Task<JobRecord?> AfterConnectAsync(string accountId, string provider, string actedBy, CancellationToken ct)
    {
        if (provider != IntegrationProviders.Mailgun)
        {
            return null;
        }
        var (job, _) = await jobs.EnqueueAsync(accountId, SuppressionImportHandler.JobKind, "{}", idempotencyKey: null, actedBy, ct);
        await using var write = await writes.BeginAsync(accountId, ct);
        db.IntegrationEvents.Add(IntegrationAudit.Event(accountId, provider, IntegrationEventKinds.SuppressionImportStarted, actedBy, clock.GetUtcNow(),
            $"suppression lists import started (job {job.Id}): GET /locations/jobs/{job.Id}"));
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return job;
    }
}
