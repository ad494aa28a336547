using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// The background loop that makes workflows durable: dispatches pending triggers, fires due timers, and on start
/// (and whenever an instance stalls) resumes Running instances a crashed process left behind. Every claim is a
/// database operation, so several server processes on one PostgreSQL database share the work safely.
/// </summary>
public sealed class WorkflowWorker(
    IServiceScopeFactory scopes,
    TriggerDispatcher triggers,
    WorkflowRuntime runtime,
    WorkSignal signal,
    TimeProvider clock,
    IOptions<WorkflowWorkerOptions> options,
    ILogger<WorkflowWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recoverAll = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(recoverAll, stoppingToken);
                recoverAll = false;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Workflow worker pass failed; retrying");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <param name="recoverAll">At start-up every Running instance is orphaned: nothing else in this process runs it.</param>
    public async Task RunOnceAsync(bool recoverAll, CancellationToken ct)
    {
        await triggers.DispatchPendingAsync(ct);
        var now = clock.GetUtcNow();
        List<string> due, stalled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            due = await db.Bookmarks.Where(b => b.DueAt != null && b.DueAt <= now).OrderBy(b => b.DueAt)
                .Select(b => b.Id).Take(200).ToListAsync(ct);
            var stalledBefore = recoverAll ? now : now - options.Value.StalledAfter;
            stalled = await db.WorkflowInstances.Where(i => i.Status == WorkflowStatus.Running && i.UpdatedAt <= stalledBefore)
                .OrderBy(i => i.UpdatedAt).Select(i => i.Id).Take(200).ToListAsync(ct);
        }
        foreach (var id in due)
        {
            await runtime.ResumeAsync(id, new ResumeInput(BookmarkRequest.Timer, TimedOut: true), ct);
        }
        foreach (var id in stalled)
        {
            await runtime.RunAsync(id, ct);
        }
    }
}
