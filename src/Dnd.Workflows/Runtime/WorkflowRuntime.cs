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
/// Runs instances one step at a time. Each step is one database transaction: the activity's own writes (messages,
/// DND changes), the log line and the instance's advance commit together or not at all. A step that loses a race
/// (revision check, or a bookmark someone else already claimed) rolls back, so no step runs twice.
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
        WorkflowInstanceRecord? instance;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
            instance = await CreateAsync(db, accountId, contactId, definitionId, input, ct);
            if (instance is null)
            {
                return null;
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        await RunAsync(instance.Id, ct);
        return instance;
    }

    /// <summary>Stages a new instance on db without saving, so a trigger can claim its cause in the same transaction.</summary>
    public async Task<WorkflowInstanceRecord?> CreateAsync(DndDbContext db, string accountId, string contactId, string definitionId, object? input, CancellationToken ct)
    {
        var definition = await definitions.GetVisibleAsync(accountId, definitionId, ct: ct) ?? throw new WorkflowNotFoundException(definitionId);
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == accountId, ct))
        {
            throw new Consent.ContactNotFoundException(contactId);
        }
        if (!definition.AllowReentry && await db.WorkflowInstances.AnyAsync(i =>
                i.AccountId == accountId && i.ContactId == contactId && i.DefinitionId == definitionId &&
                (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended), ct))
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
        db.WorkflowInstances.Add(instance);
        return instance;
    }

    /// <summary>Runs a Running instance until it waits, ends, or loses a race to another runner.</summary>
    public async Task RunAsync(string instanceId, CancellationToken ct = default)
    {
        for (var i = 0; i < MaxStepsPerRun; i++)
        {
            if (!await StepAsync(instanceId, resume: null, ct))
            {
                return;
            }
        }
        await FaultAsync(instanceId, null, $"more than {MaxStepsPerRun} steps without waiting; is there a loop with no Wait?", ct);
    }

    /// <summary>Fires a bookmark. Returns false when it was already fired (or cancelled) by someone else.</summary>
    public async Task<bool> ResumeAsync(string bookmarkId, ResumeInput input, CancellationToken ct = default)
    {
        var instanceId = await ClaimAndStepAsync(bookmarkId, input, ct);
        if (instanceId is null)
        {
            return false;
        }
        await RunAsync(instanceId, ct);
        return true;
    }

    private async Task<string?> ClaimAndStepAsync(string bookmarkId, ResumeInput input, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var bookmark = await db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, ct);
        if (bookmark is null)
        {
            return null;
        }
        await using var tx = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(bookmark.AccountId, ct);
        // The delete is the claim: of two concurrent resumers (on several servers) only one removes the row.
        if (await db.Bookmarks.Where(b => b.Id == bookmarkId).ExecuteDeleteAsync(ct) == 0)
        {
            return null;
        }
        StepOutcome outcome;
        try
        {
            outcome = await ExecuteStepAsync(scope.ServiceProvider, db, bookmark.InstanceId, (bookmark, input), ct);
        }
        catch (StepFailedException failed)
        {
            await tx.DisposeAsync();
            await FaultAsync(bookmark.InstanceId, failed.Node, failed.Message, ct);
            return null;
        }
        if (outcome.Kind == StepKind.Conflict)
        {
            // Keep the bookmark: the step is retried when it is claimed again.
            return null;
        }
        // A stale bookmark (its instance moved on or ended) is deleted with nothing run, so it is not claimed forever.
        await tx.CommitAsync(ct);
        return outcome.Kind == StepKind.Advanced ? bookmark.InstanceId : null;
    }

    private async Task<bool> StepAsync(string instanceId, (BookmarkRecord, ResumeInput)? resume, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var accountId = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.AccountId).SingleOrDefaultAsync(ct);
        if (accountId is null)
        {
            return false;
        }
        StepOutcome outcome;
        await using (var tx = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct))
        {
            try
            {
                outcome = await ExecuteStepAsync(scope.ServiceProvider, db, instanceId, resume, ct);
            }
            catch (StepFailedException failed)
            {
                await tx.DisposeAsync();
                await FaultAsync(instanceId, failed.Node, failed.Message, ct);
                return false;
            }
            if (outcome.Kind != StepKind.Advanced)
            {
                return false;
            }
            await tx.CommitAsync(ct);
        }
        return outcome.Status == WorkflowStatus.Running;
    }

    private enum StepKind
    {
        /// <summary>The step ran and the instance moved on; commit.</summary>
        Advanced,

        /// <summary>The instance is not where the caller expected (ended, cancelled, already resumed); nothing ran.</summary>
        Stale,

        /// <summary>Another writer got there first; roll back and let the step be retried.</summary>
        Conflict,
    }

    private readonly record struct StepOutcome(StepKind Kind, WorkflowStatus Status = default);

    private async Task<StepOutcome> ExecuteStepAsync(IServiceProvider services, DndDbContext db, string instanceId,
        (BookmarkRecord Bookmark, ResumeInput Input)? resume, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        var expected = resume is null ? WorkflowStatus.Running : WorkflowStatus.Suspended;
        if (instance is null || instance.Status != expected || instance.CurrentActivityId is null ||
            (resume is { } r && r.Bookmark.ActivityId != instance.CurrentActivityId))
        {
            return new StepOutcome(StepKind.Stale);
        }
        var definition = await definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct)
            ?? throw new InvalidOperationException($"definition {instance.DefinitionId} v{instance.DefinitionVersion} is gone");
        var node = definition.Activity(instance.CurrentActivityId);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == instance.ContactId && c.AccountId == instance.AccountId, ct);
        var now = clock.GetUtcNow();
        if (contact is null)
        {
            return await AdvanceAsync(db, instance, node, ActivityResult.End("contact was deleted"), definition, now, ct, WorkflowStatus.Cancelled);
        }
        var budget = options.Value.StepBudget;
        if (instance.StepCount >= budget)
        {
            // A runaway instance ends here, visibly, instead of sending or spinning for ever.
            throw new StepFailedException(node, $"step budget exhausted: {instance.StepCount} steps taken, the limit is {budget}");
        }
        var context = new ActivityContext
        {
            Db = db, Definition = definition, Instance = instance, Contact = contact, Node = node, Services = services, Now = now,
        };
        ActivityResult result;
        try
        {
            var activity = registry.Get(node.Type);
            result = resume is { } res ? await activity.ResumeAsync(context, res.Input) : await activity.ExecuteAsync(context);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Step {Activity} of {Instance} lost a race; it will be retried", node.Id, instanceId);
            return new StepOutcome(StepKind.Conflict);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Step {Activity} of {Instance} failed", node.Id, instanceId);
            throw new StepFailedException(node, $"{e.GetType().Name}: {e.Message}");
        }
        return await AdvanceAsync(db, instance, node, result, definition, now, ct);
    }

    private async Task<StepOutcome> AdvanceAsync(DndDbContext db, WorkflowInstanceRecord instance, ActivityNode node,
        ActivityResult result, WorkflowDefinition definition, DateTimeOffset now, CancellationToken ct, WorkflowStatus endAs = WorkflowStatus.Finished)
    {
        instance.StepCount++;
        db.ExecutionLog.Add(new ExecutionLogRecord
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
            db.Bookmarks.Add(new BookmarkRecord
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
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepOutcome(StepKind.Conflict);
        }
        return new StepOutcome(StepKind.Advanced, instance.Status);
    }

    /// <summary>Marks an instance faulted in its own transaction, after the failed step's writes were rolled back.</summary>
    private async Task FaultAsync(string instanceId, ActivityNode? node, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        var accountId = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.AccountId).SingleOrDefaultAsync(ct);
        if (accountId is null)
        {
            return;
        }
        await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var instance = await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null || instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled or WorkflowStatus.Faulted)
        {
            return;
        }
        instance.Status = WorkflowStatus.Faulted;
        instance.Fault = reason;
        db.Bookmarks.RemoveRange(await db.Bookmarks.Where(b => b.InstanceId == instanceId).ToListAsync(ct));
        instance.StepCount++;
        instance.Revision++;
        instance.UpdatedAt = clock.GetUtcNow();
        db.ExecutionLog.Add(new ExecutionLogRecord
        {
            InstanceId = instanceId, Step = instance.StepCount, ActivityId = node?.Id ?? instance.CurrentActivityId ?? "",
            ActivityType = node?.Type ?? "", Outcome = nameof(WorkflowStatus.Faulted), Note = reason, At = instance.UpdatedAt,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else moved the instance on; their state stands.
        }
    }
}
