using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Suppressions;

/// <summary>
/// The import of a Mailgun domain's suppression lists as a job: a page per step, fetched before the step's write (a
/// Mailgun call must not hold the database's writer) and applied in it, so a restart resumes at the page it was on.
/// </summary>
public sealed class SuppressionImportHandler(SuppressionImport import, CrmDbContext db, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "mailgun-suppression-import";

    public string Kind => JobKind;

    public async Task<object?> PrepareAsync(JobRecord job, CancellationToken ct) => await import.FetchAsync(job.AccountId, job.Cursor, ct);

    public async Task<JobStep> StepAsync(JobRecord job, object? prepared, CancellationToken ct)
    {
        var page = (SuppressionPage)prepared!;
        var step = await import.ApplyAsync(job.AccountId, page, ct);
        var problems = step.Skipped.Select(a => new JobProblem(a, JobItemOutcome.Refused,
            $"not imported from {page.List.Name}: its e-mail DND was lifted after Mailgun listed it, and it is being taken off the list")).ToList();
        if (page.Problem is not null)
        {
            problems.Add(new JobProblem(page.List.Name, JobItemOutcome.Failed, page.Problem));
        }
        var done = new JobStep(page.NextCursor, Succeeded: step.Applied + step.Unchanged, Refused: step.Skipped.Count, Failed: page.Problem is null ? 0 : 1,
            Problems: problems);
        if (done.NextCursor is null)
        {
            db.IntegrationEvents.Add(IntegrationAudit.Event(job.AccountId, IntegrationProviders.Mailgun, IntegrationEventKinds.SuppressionsImported, job.ActedBy,
                clock.GetUtcNow(), $"suppression lists read (job {job.Id}): {job.Succeeded + done.Succeeded} entries applied as DND or already so, " +
                                   $"{job.Refused + done.Refused} left out as lifted{(page.Problem is null ? "" : $"; {page.Problem}")}"));
        }
        return done;
    }
}
