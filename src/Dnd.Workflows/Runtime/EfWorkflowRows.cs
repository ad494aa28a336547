using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Dnd.Workflows.Activities;

namespace Dnd.Workflows.Runtime;

/// <summary>Workflow rows through EF: tracked, saved by the write's SaveChanges.</summary>
public sealed class EfWorkflowRows(WorkflowDb db) : IWorkflowRows
{
    public Task<WorkflowInstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken ct) =>
        db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);

    public Task<bool> InDefinitionAsync(string accountId, string contactId, string definitionId, CancellationToken ct) =>
        db.WorkflowInstances.AnyAsync(i => i.AccountId == accountId && i.ContactId == contactId && i.DefinitionId == definitionId &&
                                           (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended), ct);

    public Task<List<WorkflowInstanceRecord>> LiveInstancesAsync(string accountId, string contactId, string? except, string? definitionId, CancellationToken ct) =>
        db.WorkflowInstances
            .Where(i => i.AccountId == accountId && i.ContactId == contactId && i.Id != except
                        && (i.Status == WorkflowStatus.Running || i.Status == WorkflowStatus.Suspended)
                        && (definitionId == null || i.DefinitionId == definitionId))
            .ToListAsync(ct);

    public Task<bool> AwaitsReplyAsync(string accountId, string contactId, string channel, CancellationToken ct) =>
        db.Bookmarks.AwaitingReply(accountId, contactId, channel).AnyAsync(ct);

    public Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken ct) =>
        db.Bookmarks.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookmarkId, ct);

    public async Task<bool> DeleteBookmarkAsync(string bookmarkId, CancellationToken ct) =>
        await db.Bookmarks.Where(b => b.Id == bookmarkId).ExecuteDeleteAsync(ct) > 0;

    public Task DeleteBookmarksOfAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct) =>
        db.Bookmarks.Where(b => instanceIds.Contains(b.InstanceId)).ExecuteDeleteAsync(ct);

    public async Task<PendingTriggerRecord?> TakeTriggerAsync(string triggerId, CancellationToken ct)
    {
        var trigger = await db.PendingTriggers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == triggerId, ct);
        return trigger is not null && await db.PendingTriggers.Where(t => t.Id == triggerId).ExecuteDeleteAsync(ct) > 0 ? trigger : null;
    }

    public void Add(object row) => db.Context.Add(row);

    public void Changed(object row)
    {
        // Tracked: EF sees the change itself.
    }

    public Task FlushAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
