using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Suppressions;

/// <summary>Starts the import of a Mailgun domain's suppression lists once it is connected (or its domain or key changed).</summary>
public sealed class SuppressionImportJobs(JobQueue jobs)
{
    /// <returns>The import's job; none for a provider other than Mailgun.</returns>
    public async Task<JobRecord?> AfterConnectAsync(string accountId, string provider, string actedBy, CancellationToken ct) =>
        provider != IntegrationProviders.Mailgun ? null
            : (await jobs.EnqueueAsync(accountId, SuppressionImportHandler.JobKind, "{}", idempotencyKey: null, actedBy, ct)).Job;
}
