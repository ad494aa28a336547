using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Imports;
using Dnd.Crm.Jobs;
using Dnd.Crm.Persistence;
using Dnd.Host.Auth;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Imports;

/// <summary>
/// Applies an import as a job: each step is one batch of rows in the job's account write, where the import's own
/// progress (the row and byte offset it reached) commits with the batch, so a restart resumes where it was and a batch
/// in flight is done again whole. Rows the rules refused, and rows left out for their errors, are the import's issues.
/// </summary>
public sealed class ContactImportHandler(DndDbContext db, AccountContext caller, ContactImportBatch batch) : IJobHandler
{
    public const string JobKind = "contact-import";

    public string Kind => JobKind;

    public static string Parameters(string importId, bool skipInvalidRows) => JsonSerializer.Serialize(new ImportJob(importId, skipInvalidRows));

    public async Task<JobStep> StepAsync(JobRecord job, object? prepared, CancellationToken ct)
    {
        var parameters = JsonSerializer.Deserialize<ImportJob>(job.ParametersJson)!;
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == parameters.ImportId && i.AccountId == job.AccountId, ct)
                     ?? throw new ImportNotFoundException(parameters.ImportId);
        caller.SetDelegated(import.AccountId, job.ActedBy, $"{job.ActedBy} via import {import.Id}");
        var step = await batch.ApplyAsync(import, import.AppliedThroughRow + 1, ContactImportEndpoints.BatchRows, ct);
        return new JobStep(step.Done ? null : step.NextRow.ToString(), Succeeded: step.Rows - step.Refused - step.Skipped, Refused: step.Refused,
            Failed: step.Skipped, Total: import.Rows);
    }

    private sealed record ImportJob(string ImportId, bool SkipInvalidRows);
}
