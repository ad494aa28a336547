using Dnd.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Workflows;

/// <summary>One of a contact's workflow instances with its step log.</summary>
public sealed record ContactWorkflowEntry(WorkflowInstanceDto Instance, IReadOnlyList<ExecutionLogDto> Log)
{
    /// <summary>The contact's instances, oldest first, each with its steps in order.</summary>
    public static async Task<List<ContactWorkflowEntry>> ForContactAsync(DndDbContext db, string accountId, string contactId, CancellationToken ct)
    {
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.AccountId == accountId && i.ContactId == contactId)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var logs = (await db.ExecutionLog.AsNoTracking().Where(l => ids.Contains(l.InstanceId)).ToListAsync(ct))
            .OrderBy(l => l.Step).GroupBy(l => l.InstanceId).ToDictionary(g => g.Key, g => g.Select(ExecutionLogDto.From).ToList());
        return instances.Select(i => new ContactWorkflowEntry(WorkflowInstanceDto.From(i), logs.GetValueOrDefault(i.Id) ?? [])).ToList();
    }
}
