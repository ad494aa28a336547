using System.Threading.Channels;
using Dnd.Crm.Persistence;
using Dnd.Shared.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Jobs;

/// <summary>
/// Runs the jobs: claims a queued one (or one whose runner's lease ran out: a crash), and steps it until it is done,
/// one step per account write that also saves its progress, so a restart resumes at the last cursor and the batch in
/// flight is done again whole. Cancellation is honoured between steps. Woken by an enqueue; a slow poll finds jobs
/// another process enqueued.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<JobRunner> logger)
    : BackgroundService
{
    /// <summary>This runner's name on its claims: a new one per process, so a restarted process waits out its predecessor's lease.</summary>
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Something was enqueued or cancelled: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }
        await WorkerLoop.RunAsync(async ct =>
        {
            while (await StepAsync(ct))
            {
            }
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
            poll.CancelAfter(options.Value.PollInterval);
            try
            {
                await _wake.Reader.ReadAsync(poll.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The poll's while is over: look for work another process enqueued.
            }
        }, e => logger.LogError(e, "Job pass failed; retrying"), options.Value.PollInterval, clock, stoppingToken);
    }

    /// <summary>
    /// Stops stepping (a step under way finishes or is undone whole), then hands back this runner's leases: another
    /// host takes its jobs over at once, not a lease later, and resumes them at their last saved cursor.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Once, however many stop (a test host stops twice): every caller waits for the one release before disposing.
        await LazyInitializer.EnsureInitialized(ref _release, ReleaseLeasesAsync);
    }

    private Task? _release;

    private async Task ReleaseLeasesAsync()
    {
        List<(string Id, string AccountId)> held;
        await using (var scope = scopes.CreateAsyncScope())
        {
            held = (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<JobRecord>().AsNoTracking()
                .Where(j => j.Status == JobStatus.Running && j.ClaimedBy == _id).Select(j => new { j.Id, j.AccountId }).ToListAsync())
                .Select(j => (j.Id, j.AccountId)).ToList();
        }
        foreach (var account in held.GroupBy(j => j.AccountId))
        {
            var ids = account.Select(j => j.Id).ToList();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(account.Key, CancellationToken.None);
            foreach (var job in await db.Set<JobRecord>().Where(j => ids.Contains(j.Id) && j.Status == JobStatus.Running && j.ClaimedBy == _id).ToListAsync())
            {
                (job.ClaimedBy, job.LeaseUntil) = (null, null);
            }
            await db.SaveChangesAsync();
            await write.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>One step of the oldest job there is work for.</summary>
    /// <returns>False when no job had work (all done, or held by another runner's live lease).</returns>
    public async Task<bool> StepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        (string Id, string AccountId)? next;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            next = (await db.Set<JobRecord>().AsNoTracking()
                    .Where(j => j.Status == JobStatus.Queued
                        || j.Status == JobStatus.Running && (j.ClaimedBy == _id || j.LeaseUntil == null || j.LeaseUntil < now))
                    .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.AccountId }).FirstOrDefaultAsync(ct))
                is { } found ? (found.Id, found.AccountId) : null;
        }
        return next is { } job && await StepAsync(job.Id, job.AccountId, ct);
    }

    private async Task<bool> StepAsync(string jobId, string accountId, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var seen = await db.Set<JobRecord>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == seen.Kind)
                ?? throw new InvalidOperationException($"No handler runs jobs of kind '{seen.Kind}'.");
            var prepared = seen.Finished || seen.CancelRequested ? null : await handler.PrepareAsync(seen, ct);
            await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
            // Read again in the write: what another runner or a cancel committed meanwhile is seen here.
            var job = await db.Set<JobRecord>().SingleAsync(j => j.Id == jobId, ct);
            var now = clock.GetUtcNow();
            if (job.Finished || job.Status == JobStatus.Running && job.ClaimedBy != _id && job.LeaseUntil >= now)
            {
                return false;
            }
            if (job.Cursor != seen.Cursor)
            {
                return true; // another runner stepped it since: what was prepared is for a cursor already done
            }
            if (job.CancelRequested)
            {
                Finish(job, JobStatus.Cancelled, now);
            }
            else
            {
                job.Status = JobStatus.Running;
                job.StartedAt ??= now;
                (job.ClaimedBy, job.LeaseUntil) = (_id, now + options.Value.Lease);
                Record(db, job, await handler.StepAsync(job, prepared, ct), now);
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The step's write was undone; the job says why it stopped rather than failing the same way forever.
            logger.LogError(e, "Job {JobId} failed", jobId);
            await FailAsync(jobId, accountId, e.Message, ct);
            return true;
        }
    }

    private static void Record(CrmDbContext db, JobRecord job, JobStep step, DateTimeOffset now)
    {
        job.Total = step.Total ?? job.Total;
        job.Processed += step.Processed;
        job.Succeeded += step.Succeeded;
        job.Refused += step.Refused;
        job.Failed += step.Failed;
        job.Cursor = step.NextCursor ?? job.Cursor;
        foreach (var problem in step.Problems ?? [])
        {
            db.Add(new JobItemRecord
            {
                JobId = job.Id, Reference = problem.Reference, Column = problem.Column, Outcome = problem.Outcome, Message = problem.Message,
            });
        }
        if (step.NextCursor is null)
        {
            Finish(job, JobStatus.Completed, now);
        }
    }

    private static void Finish(JobRecord job, JobStatus status, DateTimeOffset now) =>
        (job.Status, job.FinishedAt, job.ClaimedBy, job.LeaseUntil) = (status, now, null, null);

    private async Task FailAsync(string jobId, string accountId, string error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var job = await db.Set<JobRecord>().SingleAsync(j => j.Id == jobId, ct);
        Finish(job, JobStatus.Failed, clock.GetUtcNow());
        job.Error = error;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
