using Dnd.Workflows.Persistence;

namespace Dnd.Workflows.Activities;

/// <summary>
/// The workflow rows one account write reads and stages (instances, bookmarks, pending triggers, the execution log),
/// on whatever stores them: EF on the scope's DbContext (<see cref="Runtime.EfWorkflowRows"/>) or, as the application
/// provides, prepared statements on its SQLite batch writer. Reads see the write's own earlier changes; staged rows
/// are written with the write.
/// </summary>
public interface IWorkflowRows
{
    Task<WorkflowInstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken ct);

    /// <summary>Whether the contact is already in a Running or Suspended instance of the definition.</summary>
    Task<bool> InDefinitionAsync(string accountId, string contactId, string definitionId, CancellationToken ct);

    /// <summary>The contact's Running and Suspended instances (of one definition when given), but <paramref name="except"/>.</summary>
    Task<List<WorkflowInstanceRecord>> LiveInstancesAsync(string accountId, string contactId, string? except, string? definitionId, CancellationToken ct);

    /// <summary>Whether a workflow of the contact waits for a reply on this channel.</summary>
    Task<bool> AwaitsReplyAsync(string accountId, string contactId, string channel, CancellationToken ct);

    Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken ct);

    /// <summary>Deletes a bookmark now; false when it is already gone. The delete is the claim of a resume.</summary>
    Task<bool> DeleteBookmarkAsync(string bookmarkId, CancellationToken ct);

    /// <summary>Deletes every bookmark of these instances now.</summary>
    Task DeleteBookmarksOfAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct);

    /// <summary>Deletes a pending trigger now and returns it; null when another dispatcher took it first.</summary>
    Task<PendingTriggerRecord?> TakeTriggerAsync(string triggerId, CancellationToken ct);

    /// <summary>Staged: inserted with the write.</summary>
    void Add(object row);

    /// <summary>Staged: a row read here and changed, updated with the write.</summary>
    void Changed(object row);

    /// <summary>Writes what is staged now, inside the write, so that the next step of the same write reads it.</summary>
    Task FlushAsync(CancellationToken ct);
}
