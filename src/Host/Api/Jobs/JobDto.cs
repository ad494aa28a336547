using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Jobs;

/// <summary>A background job as the API shows it.</summary>
/// <param name="Status">queued, running, completed, cancelled or failed.</param>
/// <param name="Percentage">Whole percent of the items processed (100 once completed).</param>
/// <param name="Total">How many items the job has; null until it started and counted them.</param>
/// <param name="ActedBy">Who asked for it, as the ledger names them; the job's ledger lines add "via bulk job {id}".</param>
/// <param name="Error">Why the job failed, when it did.</param>
public sealed record JobDto(string Id, string Kind, string Status, int Percentage, int? Total, int Processed, int Succeeded, int Refused, int Failed,
    bool CancelRequested, string ActedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static JobDto From(JobRecord job) => new(job.Id, job.Kind, job.Status.ToString().ToLowerInvariant(), job.Percentage, job.Total, job.Processed,
        job.Succeeded, job.Refused, job.Failed, job.CancelRequested, job.ActedBy, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error);
}
