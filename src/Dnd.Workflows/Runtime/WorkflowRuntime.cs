using Dnd.Shared.Ids;
using Dnd.Shared.Telemetry;
using System.Text.Json;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Runs instances one step at a time. Each step is one account write (<see cref="WorkflowWrites"/>): the activity's own
/// writes (messages, DND changes), the log line and the instance's advance commit together or not at all. On SQLite
/// a step is a job of the batch writer, so the steps of many instances share a transaction and its commit. A resume
/// claims its bookmark by deleting it in the same write, so no step runs twice.
/// </summary>
public sealed partial class WorkflowRuntime(
    IServiceScopeFactory scopes,
    DefinitionStore definitions,
    ActivityRegistry registry,
    TimeProvider clock,
    IOptions<WorkflowWorkerOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    /// <summary>Steps one run may take without waiting; a flowchart that loops without a wait is faulted, not spun forever.</summary>
    public const int MaxStepsPerRun = 500;

    /// <summary>Creates an instance at the root of the latest version; null when re-entry is off and the contact is already in it.</summary>
    public async Task<WorkflowInstanceRecord?> StartAsync(string accountId, string contactId, string definitionId, object? input, CancellationToken ct = default)
    {
        // Read before the write: on SQLite a write holds the database's one writer, which must not wait on a query.
        // Only the account's own published version starts; never a draft, an unpublished or deleted workflow, or a legacy shared one.
        var definition = await definitions.GetStartableAsync(accountId, definitionId, ct);
        try
        {
            var (instance, outcome) = await WriteAsync(accountId, async (write, services) =>
            {
                var created = await CreateAsync(write, accountId, contactId, definition, input, ct);
                if (created is null)
                {
                    return ((WorkflowInstanceRecord?)null, default(StepOutcome));
                }
                await write.Workflows.FlushAsync(ct);
                return (created, await RunInWriteAsync(write, services, created.Id, ct));
            }, ct);
            await FaultIfRunawayAsync(accountId, outcome, ct);
            return instance;
        }
        catch (StepFailedException)
        {
            // Undone whole: again a write per step, so the steps before the failing one stand and the fault is recorded.
            var instance = await WriteAsync(accountId, (write, _) => CreateAsync(write, accountId, contactId, definition, input, ct), ct);
            if (instance is not null)
            {
                await RunStepByStepAsync(accountId, instance.Id, ct);
            }
            return instance;
        }
    }

    /// <summary>Stages a new instance in an open write, so a trigger can claim its cause in the same transaction.</summary>
    public async ValueTask<WorkflowInstanceRecord?> CreateAsync(IWorkflowWrite write, string accountId, string contactId, WorkflowDefinition definition,
        object? input, CancellationToken ct)
    {
        var definitionId = definition.Id;
        if (await write.FindContactAsync(accountId, contactId, ct) is null)
        {
            throw new WorkflowContactNotFoundException(contactId);
        }
        if (!definition.AllowReentry && await write.Workflows.InDefinitionAsync(accountId, contactId, definitionId, ct))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstanceRecord
        {
            Id = RowIds.New(),
            AccountId = accountId,
            ContactId = contactId,
            DefinitionId = definitionId,
            DefinitionVersion = definition.Version,
            Status = WorkflowStatus.Running,
            CurrentActivityId = definition.Root.Id,
            InputJson = input is null ? "{}" : JsonSerializer.Serialize(input, input.GetType(), WorkflowJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
            TraceParent = TraceParents.Current,
        };
        write.Workflows.Add(instance);
        return instance;
    }

    /// <summary>Runs a Running instance until it waits, ends, or loses a race to another runner.</summary>
    /// <remarks>
    /// The steps up to the next wait run in one write, each seeing the one before (a run is one job of the SQLite batch
    /// writer, not a job and a commit per step). If a step fails the write is undone whole and the run is taken again
    /// a write per step, so the steps before the failing one stand and the failure is recorded on its instance.
    /// </remarks>
    public async Task RunAsync(string accountId, string instanceId, CancellationToken ct = default)
    {
        try
        {
            await FaultIfRunawayAsync(accountId, await WriteAsync(accountId, (write, services) => RunInWriteAsync(write, services, instanceId, ct), ct), ct);
        }
        catch (StepFailedException)
        {
            await RunStepByStepAsync(accountId, instanceId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("A run of {Instance} lost a race; it will be retried", instanceId);
        }
    }

    /// <summary>Fires a bookmark. Returns false when it was already fired (or cancelled) by someone else.</summary>
    /// <remarks>The claim, the resumed step and the steps up to the next wait are one write, as in <see cref="RunAsync(string, string, CancellationToken)"/>.</remarks>
    public async Task<bool> ResumeAsync(string accountId, string bookmarkId, ResumeInput input, CancellationToken ct = default)
    {
        try
        {
            var outcome = await WriteAsync(accountId, async (write, services) =>
            {
                var resumed = await ClaimAndStepAsync(write, services, bookmarkId, input, ct);
                return resumed.Kind == StepKind.Advanced && resumed.Status == WorkflowStatus.Running
                    ? await RunInWriteAsync(write, services, resumed.InstanceId!, ct, resumed)
                    : resumed;
            }, ct);
            await FaultIfRunawayAsync(accountId, outcome, ct);
            return outcome.Kind == StepKind.Advanced;
        }
        catch (StepFailedException)
        {
            return await ResumeStepByStepAsync(accountId, bookmarkId, input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the bookmark (the write was undone): the step is retried when it is claimed again.
            logger.LogInformation("A resume of {Bookmark} lost a race; it will be retried", bookmarkId);
            return false;
        }
    }

    /// <summary>Runs steps in the open write until the instance waits, ends or has taken <see cref="MaxStepsPerRun"/> steps.</summary>
    /// <param name="resumed">The resumed step this run goes on from, in the same write.</param>
    private async ValueTask<StepOutcome> RunInWriteAsync(IWorkflowWrite write, IServiceProvider services, string instanceId, CancellationToken ct,
        StepOutcome? resumed = null)
    {
        var outcome = resumed ?? new StepOutcome(StepKind.Stale);
        for (var i = outcome.Steps; i < MaxStepsPerRun; i++)
        {
            var step = await ExecuteStepAsync(write, services, instanceId, null, ct);
            if (step.Kind != StepKind.Advanced)
            {
                return outcome;
            }
            await write.Workflows.FlushAsync(ct);
            outcome = step with { Steps = i + 1 };
            if (step.Status != WorkflowStatus.Running)
            {
                return outcome;
            }
        }
        return outcome with { Kind = StepKind.Runaway };
    }

    /// <summary>A run that took <see cref="MaxStepsPerRun"/> steps without waiting is faulted (its steps stand).</summary>
    private Task FaultIfRunawayAsync(string accountId, StepOutcome outcome, CancellationToken ct) =>
        outcome.Kind == StepKind.Runaway ? FaultRunawayAsync(accountId, outcome.InstanceId!, ct) : Task.CompletedTask;

    private Task FaultRunawayAsync(string accountId, string instanceId, CancellationToken ct) =>
        FaultAsync(accountId, instanceId, null, $"more than {MaxStepsPerRun} steps without waiting; is there a loop with no Wait?", ct);

    /// <summary>
    /// A write per step: the way back after a step failed in a write of several (the failing activity then runs once
    /// more, its first attempt undone with the write).
    /// </summary>
    private async Task RunStepByStepAsync(string accountId, string instanceId, CancellationToken ct)
    {
        for (var i = 0; i < MaxStepsPerRun; i++)
        {
            var outcome = await StepAsync(accountId, instanceId, null, ct);
            if (outcome.Kind != StepKind.Advanced || outcome.Status != WorkflowStatus.Running)
            {
                return;
            }
        }
        await FaultRunawayAsync(accountId, instanceId, ct);
    }

    private async Task<bool> ResumeStepByStepAsync(string accountId, string bookmarkId, ResumeInput input, CancellationToken ct)
    {
        var outcome = await StepAsync(accountId, null, (bookmarkId, input), ct);
        if (outcome.Kind != StepKind.Advanced)
        {
            return false;
        }
        if (outcome.Status == WorkflowStatus.Running)
        {
            await RunStepByStepAsync(accountId, outcome.InstanceId!, ct);
        }
        return true;
    }

    private enum StepKind
    {
        /// <summary>The step ran and the instance moved on.</summary>
        Advanced,

        /// <summary>The instance is not where the caller expected (ended, cancelled, already resumed); nothing ran.</summary>
        Stale,

        /// <summary>Another writer got there first; rolled back, the step is retried later.</summary>
        Conflict,

        /// <summary>The activity threw: the step was rolled back and the instance waits for a retry or is an incident.</summary>
        Faulted,

        /// <summary>A run took <see cref="MaxStepsPerRun"/> steps without waiting: its steps stand, the instance is to be faulted.</summary>
        Runaway,
    }

    private readonly record struct StepOutcome(StepKind Kind, WorkflowStatus Status = default, string? InstanceId = null, int Steps = 0);

    /// <summary>
    /// One step as one write: of the instance, or of the one waiting on a bookmark, which the write claims by deleting
    /// it (a stale bookmark, whose instance moved on or ended, is deleted with nothing run, so it is not claimed forever).
    /// </summary>
    private async Task<StepOutcome> StepAsync(string accountId, string? instanceId, (string Id, ResumeInput Input)? bookmark, CancellationToken ct)
    {
        try
        {
            return await WriteAsync(accountId, async (write, services) =>
            {
                if (bookmark is not { } b)
                {
                    return await ExecuteStepAsync(write, services, instanceId!, null, ct);
                }
                return await ClaimAndStepAsync(write, services, b.Id, b.Input, ct, claimed => instanceId = claimed);
            }, ct);
        }
        catch (StepFailedException failed)
        {
            await RecordFailureAsync(accountId, instanceId!, failed, ct);
            return new StepOutcome(StepKind.Faulted);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the bookmark (the write was undone): the step is retried when it is claimed again.
            logger.LogInformation("A step of {Instance} lost a race; it will be retried", instanceId);
            return new StepOutcome(StepKind.Conflict);
        }
    }

    /// <summary>Claims a bookmark by deleting it and runs the step its instance waits in (none when it is stale).</summary>
    /// <param name="claimed">Told the instance once the claim holds, before the step runs (a failed step is faulted on it).</param>
    private async Task<StepOutcome> ClaimAndStepAsync(IWorkflowWrite write, IServiceProvider services, string bookmarkId, ResumeInput input,
        CancellationToken ct, Action<string>? claimed = null)
    {
        var row = await write.Workflows.FindBookmarkAsync(bookmarkId, ct);
        if (row is null || !await write.Workflows.DeleteBookmarkAsync(bookmarkId, ct))
        {
            return new StepOutcome(StepKind.Stale);
        }
        claimed?.Invoke(row.InstanceId);
        var outcome = await ExecuteStepAsync(write, services, row.InstanceId, (row, input), ct);
        if (outcome.Kind == StepKind.Advanced)
        {
            await write.Workflows.FlushAsync(ct);
        }
        return outcome with { Steps = 1 };
    }

    private async Task<StepOutcome> ExecuteStepAsync(IWorkflowWrite write, IServiceProvider services, string instanceId,
        (BookmarkRecord Bookmark, ResumeInput Input)? resume, CancellationToken ct)
    {
        var instance = await write.Workflows.FindInstanceAsync(instanceId, ct);
        var expected = resume is null ? WorkflowStatus.Running : WorkflowStatus.Suspended;
        if (instance is null || instance.Status != expected || instance.CurrentActivityId is null ||
            (resume is { } r && r.Bookmark.ActivityId != instance.CurrentActivityId))
        {
            return new StepOutcome(StepKind.Stale);
        }
        var definition = await definitions.GetForInstanceAsync(instance.AccountId, instance.DefinitionId, instance.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.DefinitionVersion} is gone");
        var node = definition.Activity(instance.CurrentActivityId);
        var contact = await write.FindContactAsync(instance.AccountId, instance.ContactId, ct);
        var now = clock.GetUtcNow();
        if (contact is null)
        {
            return Advance(write.Workflows, instance, node, ActivityResult.End("contact was deleted"), definition, now, WorkflowStatus.Cancelled);
        }
        var budget = options.Value.StepBudget;
        if (instance.StepCount >= budget)
        {
            // A runaway instance ends here, visibly, instead of sending or spinning for ever.
            throw new StepFailedException(node, $"step budget exhausted: {instance.StepCount} steps taken, the limit is {budget}", instance.Revision,
                retryable: false);
        }
        var context = new ActivityContext
        {
            Write = write, Definition = definition, Instance = instance, Contact = contact, Node = node, Services = services, Now = now,
        };
        // A bookmark's event resumes the activity. Another try of a failed step (a retry's bookmark, a resumed incident)
        // does what the failed try did: resumes with the same input when that try was a resume, else starts the activity over.
        var input = resume is { } res && res.Bookmark.Kind != BookmarkRequest.Retry
            ? res.Input
            : instance.ResumeJson is { } replay ? JsonSerializer.Deserialize<ResumeInput>(replay, WorkflowJson.Options) : null;
        ActivityResult result;
        using var scope = logger.BeginScope(LogFields.Ids(instance.AccountId, instance.ContactId));
        // Inline (an API call, a webhook) a step joins that request's trace; run by the worker, the trace its trigger,
        // instance or bookmark row stored (the worker's span, TraceParents).
        using var span = DndTelemetry.Source.StartActivity("dnd.workflow.step");
        span?.SetTag("dnd.activity", node.Type).SetTag("dnd.resumed", input is not null);
        try
        {
            var activity = registry.Get(node.Type);
            result = input is not null ? await activity.ResumeAsync(context, input) : await activity.ExecuteAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbUpdateConcurrencyException)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            logger.LogWarning(e, "Step {Activity} of {Instance} failed (attempt {Attempt})", node.Id, instanceId, instance.Attempts + 1);
            throw new StepFailedException(node, $"{e.GetType().Name}: {e.Message}", instance.Revision, resumed: input);
        }
        return Advance(write.Workflows, instance, node, result, definition, now);
    }

    private static StepOutcome Advance(IWorkflowRows rows, WorkflowInstanceRecord instance, ActivityNode node, ActivityResult result,
        WorkflowDefinition definition, DateTimeOffset now, WorkflowStatus endAs = WorkflowStatus.Finished)
    {
        instance.StepCount++;
        rows.Add(new ExecutionLogRecord
        {
            InstanceId = instance.Id,
            Step = instance.StepCount,
            ActivityId = node.Id,
            ActivityType = node.Type,
            Outcome = result.Bookmark is not null ? "Suspended" : result.Outcome ?? endAs.ToString(),
            Note = result.Note,
            Attempt = instance.Attempts + 1,
            At = now,
        });
        // The try succeeded: the next activity starts its own count, and from its start.
        instance.Attempts = 0;
        instance.ResumeJson = null;
        if (result.Bookmark is { } b)
        {
            instance.Status = WorkflowStatus.Suspended;
            rows.Add(new BookmarkRecord
            {
                Id = RowIds.New(),
                InstanceId = instance.Id,
                AccountId = instance.AccountId,
                ContactId = instance.ContactId,
                ActivityId = node.Id,
                Kind = b.Kind,
                Channel = b.Channel,
                DueAt = b.DueAt,
                CreatedAt = now,
                // The step's span: a timer's resume continues the trace that started the wait.
                TraceParent = TraceParents.Current,
            });
        }
        else
        {
            var next = result.EndInstance || result.Outcome is null ? null : definition.Next(node.Id, result.Outcome);
            instance.CurrentActivityId = next;
            instance.Status = next is null ? endAs : WorkflowStatus.Running;
        }
        instance.UpdatedAt = now;
        instance.Revision++;
        rows.Changed(instance);
        return new StepOutcome(StepKind.Advanced, instance.Status, instance.Id);
    }

    /// <summary>Marks an instance faulted in a write of its own, after the failed step's writes were undone.</summary>
    private async Task FaultAsync(string accountId, string instanceId, ActivityNode? node, string reason, CancellationToken ct)
    {
        try
        {
            await WriteAsync(accountId, async (write, _) =>
            {
                var rows = write.Workflows;
                var instance = await rows.FindInstanceAsync(instanceId, ct);
                if (instance is null || instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
                {
                    return false;
                }
                await rows.DeleteBookmarksOfAsync([instanceId], ct);
                var now = clock.GetUtcNow();
                MarkIncident(instance, node?.Id ?? instance.CurrentActivityId, reason, now);
                instance.StepCount++;
                instance.Revision++;
                instance.UpdatedAt = now;
                rows.Add(new ExecutionLogRecord
                {
                    InstanceId = instanceId, Step = instance.StepCount, ActivityId = node?.Id ?? instance.CurrentActivityId ?? "",
                    ActivityType = node?.Type ?? "", Outcome = nameof(WorkflowStatus.Faulted), Note = reason, Attempt = 0, At = now,
                });
                rows.Changed(instance);
                return true;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved the instance on; their state stands.
        }
    }

    /// <summary>One account write in a scope of its own; the work also gets the scope's services (the activities').</summary>
    private async Task<T> WriteAsync<T>(string accountId, Func<IWorkflowWrite, IServiceProvider, ValueTask<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowWrites>().RunAsync(accountId, write => work(write, scope.ServiceProvider), ct);
    }
}
