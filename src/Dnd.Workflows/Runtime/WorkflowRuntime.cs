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
public sealed class WorkflowRuntime(
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
        var instance = await WriteAsync(accountId, (write, _) => CreateAsync(write, accountId, contactId, definitionId, input, ct), ct);
        if (instance is not null)
        {
            await RunAsync(accountId, instance.Id, ct);
        }
        return instance;
    }

    /// <summary>Stages a new instance in an open write, so a trigger can claim its cause in the same transaction.</summary>
    public async ValueTask<WorkflowInstanceRecord?> CreateAsync(WorkflowWrite write, string accountId, string contactId, string definitionId, object? input,
        CancellationToken ct)
    {
        var definition = await definitions.GetVisibleAsync(accountId, definitionId, ct: ct) ?? throw new WorkflowNotFoundException(definitionId);
        if (await write.Consent.Rows.FindContactAsync(accountId, contactId, ct) is null)
        {
            throw new Consent.ContactNotFoundException(contactId);
        }
        if (!definition.AllowReentry && await write.Workflows.InDefinitionAsync(accountId, contactId, definitionId, ct))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var instance = new WorkflowInstanceRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            AccountId = accountId,
            ContactId = contactId,
            DefinitionId = definitionId,
            DefinitionVersion = definition.Version,
            Status = WorkflowStatus.Running,
            CurrentActivityId = definition.Root.Id,
            InputJson = input is null ? "{}" : JsonSerializer.Serialize(input, input.GetType(), WorkflowJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
        };
        write.Workflows.Add(instance);
        return instance;
    }

    /// <summary>Runs a Running instance until it waits, ends, or loses a race to another runner.</summary>
    public async Task RunAsync(string instanceId, CancellationToken ct = default)
    {
        if (await AccountOfAsync(db => db.WorkflowInstances.Where(i => i.Id == instanceId).Select(i => i.AccountId), ct) is { } accountId)
        {
            await RunAsync(accountId, instanceId, ct);
        }
    }

    /// <inheritdoc cref="RunAsync(string, CancellationToken)"/>
    public async Task RunAsync(string accountId, string instanceId, CancellationToken ct = default)
    {
        for (var i = 0; i < MaxStepsPerRun; i++)
        {
            var outcome = await StepAsync(accountId, instanceId, null, ct);
            if (outcome.Kind != StepKind.Advanced || outcome.Status != WorkflowStatus.Running)
            {
                return;
            }
        }
        await FaultAsync(accountId, instanceId, null, $"more than {MaxStepsPerRun} steps without waiting; is there a loop with no Wait?", ct);
    }

    /// <summary>Fires a bookmark. Returns false when it was already fired (or cancelled) by someone else.</summary>
    public async Task<bool> ResumeAsync(string bookmarkId, ResumeInput input, CancellationToken ct = default) =>
        await AccountOfAsync(db => db.Bookmarks.Where(b => b.Id == bookmarkId).Select(b => b.AccountId), ct) is { } accountId &&
        await ResumeAsync(accountId, bookmarkId, input, ct);

    /// <inheritdoc cref="ResumeAsync(string, ResumeInput, CancellationToken)"/>
    public async Task<bool> ResumeAsync(string accountId, string bookmarkId, ResumeInput input, CancellationToken ct = default)
    {
        var outcome = await StepAsync(accountId, null, (bookmarkId, input), ct);
        if (outcome.Kind != StepKind.Advanced)
        {
            return false;
        }
        if (outcome.Status == WorkflowStatus.Running)
        {
            await RunAsync(accountId, outcome.InstanceId!, ct);
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

        /// <summary>The activity threw: the step was rolled back and the instance faulted.</summary>
        Faulted,
    }

    private readonly record struct StepOutcome(StepKind Kind, WorkflowStatus Status = default, string? InstanceId = null);

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
                (BookmarkRecord, ResumeInput)? resume = null;
                if (bookmark is { } b)
                {
                    var row = await write.Workflows.FindBookmarkAsync(b.Id, ct);
                    if (row is null || !await write.Workflows.DeleteBookmarkAsync(b.Id, ct))
                    {
                        return new StepOutcome(StepKind.Stale);
                    }
                    (instanceId, resume) = (row.InstanceId, (row, b.Input));
                }
                return await ExecuteStepAsync(write, services, instanceId!, resume, ct);
            }, ct);
        }
        catch (StepFailedException failed)
        {
            await FaultAsync(accountId, instanceId!, failed.Node, failed.Message, ct);
            return new StepOutcome(StepKind.Faulted);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the bookmark (the write was undone): the step is retried when it is claimed again.
            logger.LogInformation("A step of {Instance} lost a race; it will be retried", instanceId);
            return new StepOutcome(StepKind.Conflict);
        }
    }

    private async Task<StepOutcome> ExecuteStepAsync(WorkflowWrite write, IServiceProvider services, string instanceId,
        (BookmarkRecord Bookmark, ResumeInput Input)? resume, CancellationToken ct)
    {
        var instance = await write.Workflows.FindInstanceAsync(instanceId, ct);
        var expected = resume is null ? WorkflowStatus.Running : WorkflowStatus.Suspended;
        if (instance is null || instance.Status != expected || instance.CurrentActivityId is null ||
            (resume is { } r && r.Bookmark.ActivityId != instance.CurrentActivityId))
        {
            return new StepOutcome(StepKind.Stale);
        }
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.DefinitionVersion} is gone");
        var node = definition.Activity(instance.CurrentActivityId);
        var contact = await write.Consent.Rows.FindContactAsync(instance.AccountId, instance.ContactId, ct);
        var now = clock.GetUtcNow();
        if (contact is null)
        {
            return Advance(write.Workflows, instance, node, ActivityResult.End("contact was deleted"), definition, now, WorkflowStatus.Cancelled);
        }
        var budget = options.Value.StepBudget;
        if (instance.StepCount >= budget)
        {
            // A runaway instance ends here, visibly, instead of sending or spinning for ever.
            throw new StepFailedException(node, $"step budget exhausted: {instance.StepCount} steps taken, the limit is {budget}");
        }
        var context = new ActivityContext
        {
            Write = write, Definition = definition, Instance = instance, Contact = contact, Node = node, Services = services, Now = now,
        };
        ActivityResult result;
        try
        {
            var activity = registry.Get(node.Type);
            result = resume is { } res ? await activity.ResumeAsync(context, res.Input) : await activity.ExecuteAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DbUpdateConcurrencyException)
        {
            logger.LogWarning(e, "Step {Activity} of {Instance} failed", node.Id, instanceId);
            throw new StepFailedException(node, $"{e.GetType().Name}: {e.Message}");
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
            At = now,
        });
        if (result.Bookmark is { } b)
        {
            instance.Status = WorkflowStatus.Suspended;
            rows.Add(new BookmarkRecord
            {
                Id = Guid.NewGuid().ToString("N"),
                InstanceId = instance.Id,
                AccountId = instance.AccountId,
                ContactId = instance.ContactId,
                ActivityId = node.Id,
                Kind = b.Kind,
                Channel = b.Channel,
                DueAt = b.DueAt,
                CreatedAt = now,
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
                instance.Status = WorkflowStatus.Faulted;
                instance.Fault = reason;
                await rows.DeleteBookmarksOfAsync([instanceId], ct);
                instance.StepCount++;
                instance.Revision++;
                instance.UpdatedAt = clock.GetUtcNow();
                rows.Add(new ExecutionLogRecord
                {
                    InstanceId = instanceId, Step = instance.StepCount, ActivityId = node?.Id ?? instance.CurrentActivityId ?? "",
                    ActivityType = node?.Type ?? "", Outcome = nameof(WorkflowStatus.Faulted), Note = reason, At = instance.UpdatedAt,
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
    private async Task<T> WriteAsync<T>(string accountId, Func<WorkflowWrite, IServiceProvider, ValueTask<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowWrites>().RunAsync(accountId, write => work(write, scope.ServiceProvider), ct);
    }

    /// <summary>The account of a row named only by id (a caller that knows it passes it instead).</summary>
    private async Task<string?> AccountOfAsync(Func<DndDbContext, IQueryable<string>> query, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DndDbContext>()).SingleOrDefaultAsync(ct);
    }
}
