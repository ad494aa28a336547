using Dnd.Shared.Ids;
using Dnd.Shared.Telemetry;
using System.Text.Json;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Model;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dnd.Workflows.Runtime;

/// <summary>
/// Turns pending triggers into workflow instances. Claiming a trigger (deleting its row) and creating the
/// instances it starts happen in one transaction, so each trigger starts its workflows exactly once.
/// </summary>
public sealed class TriggerDispatcher(IServiceScopeFactory scopes, DefinitionStore definitions, WorkflowRuntime runtime,
    ActivityRegistry activities, IOptions<WorkflowWorkerOptions> options)
{
    /// <summary>How many pending triggers one pass takes.</summary>
    public const int PassSize = 500;

    /// <returns>How many pending triggers the pass took (<see cref="PassSize"/> when more may be waiting).</returns>
    public async Task<int> DispatchPendingAsync(CancellationToken ct = default)
    {
        List<PendingTriggerRecord> pending;
        List<PendingTriggerRecord> taken;
        var latest = new Dictionary<string, IReadOnlyList<WorkflowDefinition>>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            taken = await db.PendingTriggers.OrderBy(t => t.CreatedAt).Take(PassSize).ToListAsync(ct);
            // Most changes start nothing (no workflow listens for that channel or form): those are dropped together, one
            // write for the lot (SaveChanges takes the SQLite writer's turn), instead of an account write each.
            var idle = new HashSet<string>();
            foreach (var trigger in taken)
            {
                if (!latest.TryGetValue(trigger.AccountId, out var all))
                {
                    latest[trigger.AccountId] = all = await definitions.LatestDefinitionsAsync(trigger.AccountId, ct);
                }
                if (Matching(trigger, all).Matching.Count == 0)
                {
                    idle.Add(trigger.Id);
                    db.PendingTriggers.Remove(trigger);
                }
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another process claimed some meanwhile: each is then claimed (or found gone) on its own below.
                idle.Clear();
            }
            pending = taken.Where(t => !idle.Contains(t.Id)).ToList();
        }
        // Contacts side by side, so their claims share SQLite's group commits; one contact's triggers in the order
        // they were recorded, so its workflows start in the order its DND changed.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(pending.GroupBy(t => t.ContactId), parallel, async (contact, token) =>
        {
            foreach (var trigger in contact)
            {
                // In the trace of the change that recorded the trigger: the instances it starts store this span, and their steps are its children.
                using var span = TraceParents.Start("dnd.workflow.trigger", System.Diagnostics.ActivityKind.Consumer, trigger.TraceParent);
                span?.SetTag("dnd.trigger", trigger.Kind);
                foreach (var instanceId in await ClaimAsync(trigger, latest[trigger.AccountId], token))
                {
                    await runtime.RunAsync(trigger.AccountId, instanceId, token);
                }
            }
        });
        return taken.Count;
    }

    /// <summary>A trigger of <paramref name="kind"/> for a contact, to be written with the change that caused it.</summary>
    public static PendingTriggerRecord Pending(string accountId, string contactId, string kind, object payload, DateTimeOffset now) => new()
    {
        Id = RowIds.New(),
        AccountId = accountId,
        ContactId = contactId,
        Kind = kind,
        PayloadJson = JsonSerializer.Serialize(payload, payload.GetType()),
        CreatedAt = now,
        TraceParent = TraceParents.Current,
    };

    /// <summary>Claims a trigger (deletes it) and creates the instances it starts, in one account write.</summary>
    /// <param name="definitions">The account's latest definitions, read before the write: on SQLite a write holds the
    /// database's one writer, which must not wait on a query.</param>
    private async Task<List<string>> ClaimAsync(PendingTriggerRecord pending, IReadOnlyList<WorkflowDefinition> definitions, CancellationToken ct)
    {
        var (input, matching) = Matching(pending, definitions);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IWorkflowWrites>().RunAsync(pending.AccountId, async write =>
        {
            var started = new List<string>();
            if (await write.Workflows.TakeTriggerAsync(pending.Id, ct) is not { } trigger)
            {
                return started;
            }
            foreach (var definition in matching)
            {
                try
                {
                    if (await runtime.CreateAsync(write, trigger.AccountId, trigger.ContactId, definition, input, ct) is { } instance)
                    {
                        started.Add(instance.Id);
                    }
                }
                catch (WorkflowContactNotFoundException)
                {
                    // Contact deleted after the trigger was recorded: nothing to start.
                }
            }
            return started;
        }, ct);
    }

    /// <returns>The trigger's payload (the started instances' input) and the definitions it starts.</returns>
    private (object? Input, List<WorkflowDefinition> Matching) Matching(PendingTriggerRecord trigger, IReadOnlyList<WorkflowDefinition> all)
    {
        // One trigger activity type per kind: its payload is read once, whatever the number of definitions it starts.
        object? input = null;
        var matching = new List<WorkflowDefinition>();
        foreach (var definition in all)
        {
            if (activities.TryGet(definition.Root.Type, out var first) && first is ITriggerActivity starter && starter.TriggerKind == trigger.Kind &&
                (input ??= starter.ReadPayload(trigger.PayloadJson)) is { } payload && starter.Matches(definition.Root, payload))
            {
                matching.Add(definition);
            }
        }
        return (input, matching);
    }
}
