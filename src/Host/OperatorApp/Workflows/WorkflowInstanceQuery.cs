using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Workflows;
using Dnd.Host.OperatorApp.Contacts;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp.Workflows;

/// <summary>
/// A page of one workflow's instances, newest first, with each one's path and contact. Keyset paging on the instance id
/// (a version 7 GUID, whose text sorts by creation time): a page starts after the last id of the one before.
/// </summary>
public static class WorkflowInstanceQuery
{
    /// <param name="after">The last instance id of the page before; null for the first page.</param>
    /// <param name="limit">At most this many; ask for one more than a page shows to learn whether there is a next.</param>
    public static async Task<List<InstanceView>> PageAsync(DndDbContext db, string accountId, string workflowId, WorkflowStatus? status,
        string? after, int limit, CancellationToken ct)
    {
        var query = db.WorkflowInstances.AsNoTracking().Where(i => i.AccountId == accountId && i.DefinitionId == workflowId);
        if (status is { } only)
        {
            query = query.Where(i => i.Status == only);
        }
        if (after is not null)
        {
            query = query.Where(i => string.Compare(i.Id, after) < 0);
        }
        var instances = await query.OrderByDescending(i => i.Id).Take(limit).ToListAsync(ct);
        var ids = instances.Select(i => i.Id).ToList();
        var paths = (await db.ExecutionLog.AsNoTracking().Where(l => ids.Contains(l.InstanceId)).OrderBy(l => l.Step).ThenBy(l => l.Id).ToListAsync(ct))
            .ToLookup(l => l.InstanceId, ExecutionLogDto.From);
        var contactIds = instances.Select(i => i.ContactId).Distinct().ToList();
        var names = await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId && contactIds.Contains(c.Id))
            .Select(c => new ContactRecord { Id = c.Id, AccountId = c.AccountId, FirstName = c.FirstName, LastName = c.LastName, Email = c.Email, Phone = c.Phone })
            .ToDictionaryAsync(c => c.Id, c => ContactRowView.DisplayName(c.FullName, c.Email, c.Phone), ct);
        return instances.Select(i => new InstanceView(i.Id, i.ContactId, names.GetValueOrDefault(i.ContactId, "Deleted contact"), i.Status,
            i.DefinitionVersion, i.CreatedAt, i.UpdatedAt, i.Fault, i.FaultActivityId, paths[i.Id].ToList())).ToList();
    }
}
