using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Jobs;

/// <summary>Enqueues and cancels jobs, each in the account's write, so a key checked is a key not taken meanwhile.</summary>
public sealed class JobQueue(CrmDbContext db, AccountWrites writes, JobRunner runner, TimeProvider clock)
{
    /// <returns>
    /// The new job; or, with a key used before for this kind, that job when the parameters are the same
    /// (<see cref="JobEnqueued.Existing"/>) and the other job with <see cref="JobEnqueued.KeyConflict"/> when not.
    /// </returns>
    public async Task<(JobRecord Job, JobEnqueued Outcome)> EnqueueAsync(string accountId, string kind, string parametersJson, string? idempotencyKey,
        string actedBy, CancellationToken ct)
    {
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            if (idempotencyKey is not null
                && await db.Set<JobRecord>().AsNoTracking()
                    .SingleOrDefaultAsync(j => j.AccountId == accountId && j.Kind == kind && j.IdempotencyKey == idempotencyKey, ct) is { } earlier)
            {
                return (earlier, earlier.ParametersJson == parametersJson ? JobEnqueued.Existing : JobEnqueued.KeyConflict);
            }
            var job = new JobRecord
            {
                Id = Guid.NewGuid().ToString("N")[..16], AccountId = accountId, Kind = kind, Status = JobStatus.Queued, ParametersJson = parametersJson,
                IdempotencyKey = idempotencyKey, ActedBy = actedBy, CreatedAt = clock.GetUtcNow(),
            };
            db.Add(job);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            runner.Wake();
            return (job, JobEnqueued.Created);
        }
    }

    /// <summary>Asks the job to stop before its next step; a job not started yet is cancelled at once.</summary>
    /// <returns>The job as it is now; null when the account has no such job.</returns>
    public async Task<JobRecord?> CancelAsync(string accountId, string jobId, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var job = await db.Set<JobRecord>().SingleOrDefaultAsync(j => j.Id == jobId && j.AccountId == accountId, ct);
        if (job is null || job.Finished)
        {
            return job;
        }
        job.CancelRequested = true;
        if (job.Status == JobStatus.Queued)
        {
            job.Status = JobStatus.Cancelled;
            job.FinishedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return job;
    }

    /// <returns>Null when the account has no such job (another account's jobs are not there to it).</returns>
    public async Task<JobRecord?> FindAsync(string accountId, string jobId, CancellationToken ct) =>
        await db.Set<JobRecord>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.AccountId == accountId, ct);

    /// <summary>
    /// A page of the account's jobs, newest first, after the job <paramref name="afterJobId"/> (the last of the page
    /// before) when given. Keyed on (CreatedAt, Id), so jobs enqueued meanwhile neither shift nor repeat a page.
    /// </summary>
    /// <returns>Null when the account has no job <paramref name="afterJobId"/>.</returns>
    public async Task<List<JobRecord>?> ListAsync(string accountId, string? afterJobId, int limit, CancellationToken ct)
    {
        JobRecord? last = null;
        if (afterJobId is not null && (last = await FindAsync(accountId, afterJobId, ct)) is null)
        {
            return null;
        }
        return await Page(db.Set<JobRecord>().AsNoTracking(), accountId, last).Take(limit).ToListAsync(ct);
    }

    /// <summary>The account's jobs newest first, after <paramref name="last"/>: one walk of its (AccountId, CreatedAt, Id) index.</summary>
    public static IQueryable<JobRecord> Page(IQueryable<JobRecord> jobs, string accountId, JobRecord? last)
    {
        jobs = jobs.Where(j => j.AccountId == accountId);
        if (last is not null)
        {
            jobs = jobs.Where(j => j.CreatedAt < last.CreatedAt || j.CreatedAt == last.CreatedAt && string.Compare(j.Id, last.Id) < 0);
        }
        return jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id);
    }

    /// <summary>A page of the job's refused and failed items after <paramref name="after"/> (an item id), in the order they were met.</summary>
    public async Task<List<JobItemRecord>> ProblemsAsync(string jobId, long after, int limit, CancellationToken ct) =>
        await db.Set<JobItemRecord>().AsNoTracking().Where(i => i.JobId == jobId && i.Id > after).OrderBy(i => i.Id).Take(limit).ToListAsync(ct);
}
