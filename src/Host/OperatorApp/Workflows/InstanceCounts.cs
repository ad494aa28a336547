using Dnd.Activities.Persistence;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp.Workflows;

/// <summary>A workflow's instances by where they stand: active (running, or waiting on a timer or a reply), finished, faulted.</summary>
public sealed record InstanceCounts(int Active, int Finished, int Faulted)
{
    public static readonly InstanceCounts None = new(0, 0, 0);

    /// <summary>Every workflow's counts for the account, counted by the database in one grouped query (no instance is loaded).</summary>
    public static async Task<Dictionary<string, InstanceCounts>> ByWorkflowAsync(DndDbContext db, string accountId, CancellationToken ct)
    {
        var groups = await db.WorkflowInstances.AsNoTracking().Where(i => i.AccountId == accountId)
            .GroupBy(i => new { i.DefinitionId, i.Status })
            .Select(g => new { g.Key.DefinitionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.DefinitionId).ToDictionary(w => w.Key, w => new InstanceCounts(
            Active: w.Where(g => g.Status is WorkflowStatus.Running or WorkflowStatus.Suspended).Sum(g => g.Count),
            Finished: w.Where(g => g.Status == WorkflowStatus.Finished).Sum(g => g.Count),
            Faulted: w.Where(g => g.Status == WorkflowStatus.Faulted).Sum(g => g.Count)));
    }
}
