using Dnd.Shared.Signals;
using Dnd.Shared.Work;
using Dnd.Shared.Telemetry;
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
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recoverAll = true;
        return WorkerLoop.RunAsync(async ct =>
        {
            var more = await RunOnceAsync(recoverAll, ct);
            recoverAll = false;
            // A full pass leaves work behind (10,000 timers due at once): take the next batch now, not at the next poll.
            if (!more)
            {
                await signal.WaitAsync(options.Value.PollInterval, ct);
            }
        }, e => logger.LogError(e, "Workflow worker pass failed; retrying"), options.Value.PollInterval, clock, stoppingToken);
    }

    /// <summary>How many due timers or stalled instances one pass takes.</summary>
    public const int PassSize = 500;

    /// <param name="recoverAll">At start-up every Running instance is orphaned: nothing else in this process runs it.</param>
    /// <returns>Whether a batch was full, so more work may be waiting.</returns>
    public async Task<bool> RunOnceAsync(bool recoverAll, CancellationToken ct)
    {
        var moreTriggers = await triggers.DispatchPendingAsync(ct) == TriggerDispatcher.PassSize;
        var now = clock.GetUtcNow();
        List<(string Id, string AccountId, string? TraceParent)> due, stalled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            due = (await db.Bookmarks.Where(b => b.DueAt != null && b.DueAt <= now).OrderBy(b => b.DueAt)
                .Select(b => new { b.Id, b.AccountId, b.TraceParent }).Take(PassSize).ToListAsync(ct)).Select(b => (b.Id, b.AccountId, b.TraceParent)).ToList();
            var stalledBefore = recoverAll ? now : now - options.Value.StalledAfter;
            stalled = (await db.WorkflowInstances.Where(i => i.Status == WorkflowStatus.Running && i.UpdatedAt <= stalledBefore)
                .OrderBy(i => i.UpdatedAt).Select(i => new { i.Id, i.AccountId, i.TraceParent }).Take(PassSize).ToListAsync(ct))
                .Select(i => (i.Id, i.AccountId, i.TraceParent)).ToList();
        }
        // Instances run side by side so their steps share SQLite's group commits; each instance is still one at a time.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct };
        // Each in the trace its row was written in: the timer's in the step that started the wait, a stalled instance's in the one that created it.
        await Parallel.ForEachAsync(due, parallel, (b, token) =>
            Isolated("dnd.workflow.timer", b.TraceParent, () => runtime.ResumeAsync(b.AccountId, b.Id, new ResumeInput(BookmarkRequest.Timer, TimedOut: true), token), b.Id));
        await Parallel.ForEachAsync(stalled, parallel, (i, token) => Isolated("dnd.workflow.recover", i.TraceParent, () => runtime.RunAsync(i.AccountId, i.Id, token), i.Id));
        return moreTriggers || due.Count == PassSize || stalled.Count == PassSize;
    }

    /// <summary>One instance's failure is logged and retried on a later pass; it does not stop the others of the pass.</summary>
    private async ValueTask Isolated(string spanName, string? traceParent, Func<Task> run, string id)
    {
        using var span = TraceParents.Start(spanName, System.Diagnostics.ActivityKind.Consumer, traceParent);
        try
        {
            await run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Workflow work item {Id} failed; a later pass retries it", id);
        }
    }
}
