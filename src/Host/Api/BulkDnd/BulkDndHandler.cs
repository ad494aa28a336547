using Dnd.Crm.Persistence;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Jobs;
using Dnd.Host.Api.SmartLists;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Api.BulkDnd;

/// <summary>
/// Runs a bulk DND job. Its first step freezes the selection (a smart list's members as they are then) as the job's
/// targets; each later step judges the next <see cref="JobOptions.BatchSize"/> contacts by the same rules as a user's own change
/// of one contact, in the job's one account write, each ledger line naming the person and the job.
/// </summary>
public sealed class BulkDndHandler(DndDbContext db, ConsentService consent, AccountSettingsStore settings, IOptions<JobOptions> options) : IJobHandler
{
    public const string JobKind = "bulk-dnd";

    public string Kind => JobKind;

    public async Task<JobStep> StepAsync(JobRecord job, object? prepared, CancellationToken ct)
    {
        var parameters = BulkDndParameters.FromJson(job.ParametersJson);
        if (job.Cursor is null)
        {
            return await FreezeAsync(job, parameters, ct);
        }
        var after = int.Parse(job.Cursor);
        var size = options.Value.BatchSize;
        var batch = await db.JobTargets.AsNoTracking().Where(t => t.JobId == job.Id && t.Position > after).OrderBy(t => t.Position).Take(size)
            .ToListAsync(ct);
        var actedBy = $"{job.ActedBy} via bulk job {job.Id}";
        var (succeeded, refused, failed, problems) = (0, 0, 0, new List<JobProblem>());
        foreach (var target in batch)
        {
            var denied = new List<Dnd.Rules.Engine.ChannelOutcome>();
            try
            {
                foreach (var change in parameters.Changes())
                {
                    var decision = await consent.ApplyAsync(job.AccountId, target.Reference, change with { ActedBy = actedBy }, ct);
                    denied.AddRange(decision.Outcomes.Where(o => o.Verdict == Verdict.Denied));
                }
            }
            catch (ContactNotFoundException)
            {
                // Deleted since the job was asked for: nothing of it is left to change.
                failed++;
                problems.Add(new JobProblem(target.Reference, JobItemOutcome.Failed, $"Contact {target.Reference} no longer exists."));
                continue;
            }
            if (denied.Count == 0)
            {
                succeeded++;
                continue;
            }
            refused++;
            problems.AddRange(denied.Select(o => new JobProblem(target.Reference, JobItemOutcome.Refused, $"{o.Reason} ({o.PolicyRule})", o.Channel.ToWire())));
        }
        // A short batch was the last; a full one may be too, and the next step finds nothing and finishes.
        var next = batch.Count < size ? null : batch[^1].Position.ToString();
        return new JobStep(next, succeeded, refused, failed, problems);
    }

    private async Task<JobStep> FreezeAsync(JobRecord job, BulkDndParameters parameters, CancellationToken ct)
    {
        var ids = parameters.ContactIds?.ToList() ?? await SmartListStore.MemberIdsAsync(db, settings, job.AccountId, parameters.SmartListId!, ct)
            ?? throw new InvalidOperationException($"Smart list {parameters.SmartListId} was deleted before the job started.");
        for (var i = 0; i < ids.Count; i++)
        {
            db.JobTargets.Add(new JobTargetRecord { JobId = job.Id, Position = i + 1, Reference = ids[i] });
        }
        return new JobStep(ids.Count == 0 ? null : "0", Total: ids.Count);
    }
}
