using Dnd.Crm.Persistence.Rows;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;

namespace Dnd.Activities.Persistence;

/// <summary>
/// Workflow rows as prepared SQLite statements on the batch writer's connection, inside its open transaction. The
/// statements say in SQL what <see cref="EfWorkflowRows"/> says in LINQ; the workflow tests run on both.
/// </summary>
public sealed class SqliteWorkflowRows(SqliteRows rows) : IWorkflowRows
{
    // Stored as their names (the model's string conversion).
    private const string Running = nameof(WorkflowStatus.Running);
    private const string Suspended = nameof(WorkflowStatus.Suspended);

    /// <summary>
    /// Whether the contact is in a definition (the plan tests check the index these take). The contact's index is named:
    /// without statistics SQLite's planner took the workflow's (AccountId, DefinitionId, Id), which reads every instance
    /// of the workflow, over the contact's, which reads a handful.
    /// </summary>
    public const string InDefinitionSql =
        "SELECT 1 FROM \"WorkflowInstances\" INDEXED BY \"IX_WorkflowInstances_AccountId_ContactId_Status\" WHERE \"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"DefinitionId\" = $p2 AND \"Status\" IN ($p3, $p4) LIMIT 1";

    /// <summary>The contact's live instances, of one definition when $p2 is not null, but $p5.</summary>
    public const string LiveInstancesWhere =
        "\"AccountId\" = $p0 AND \"ContactId\" = $p1 AND ($p2 IS NULL OR \"DefinitionId\" = $p2) AND \"Status\" IN ($p3, $p4) AND ($p5 IS NULL OR \"Id\" <> $p5)";

    public const string DeleteBookmarksOfSql = "DELETE FROM \"Bookmarks\" WHERE \"InstanceId\" = $p0";

    public Task<WorkflowInstanceRecord?> FindInstanceAsync(string instanceId, CancellationToken ct) =>
        Task.FromResult(rows.Query<WorkflowInstanceRecord>("\"Id\" = $p0", instanceId).SingleOrDefault());

    public Task<bool> InDefinitionAsync(string accountId, string contactId, string definitionId, CancellationToken ct) =>
        Task.FromResult(rows.Exists(InDefinitionSql, accountId, contactId, definitionId, Running, Suspended));

    public Task<List<WorkflowInstanceRecord>> LiveInstancesAsync(string accountId, string contactId, string? except, string? definitionId, CancellationToken ct) =>
        Task.FromResult(rows.Query<WorkflowInstanceRecord>(LiveInstancesWhere, accountId, contactId, definitionId, Running, Suspended, except));

    /// <summary>Whether a workflow waits for the contact's reply on a channel (the plan tests check the index it takes).</summary>
    public const string AwaitsReplySql =
        "SELECT 1 FROM \"Bookmarks\" WHERE \"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Kind\" = $p2 AND (\"Channel\" IS NULL OR \"Channel\" = $p3) LIMIT 1";

    public Task<bool> AwaitsReplyAsync(string accountId, string contactId, string channel, CancellationToken ct) =>
        Task.FromResult(rows.Exists(AwaitsReplySql, accountId, contactId, BookmarkQueries.Reply, channel));

    public Task<BookmarkRecord?> FindBookmarkAsync(string bookmarkId, CancellationToken ct) =>
        Task.FromResult(rows.Query<BookmarkRecord>("\"Id\" = $p0", bookmarkId).SingleOrDefault());

    public Task<bool> DeleteBookmarkAsync(string bookmarkId, CancellationToken ct) =>
        Task.FromResult(rows.Execute("DELETE FROM \"Bookmarks\" WHERE \"Id\" = $p0", bookmarkId) > 0);

    public Task DeleteBookmarksOfAsync(IReadOnlyCollection<string> instanceIds, CancellationToken ct)
    {
        foreach (var id in instanceIds)
        {
            rows.Execute(DeleteBookmarksOfSql, id);
        }
        return Task.CompletedTask;
    }

    public Task<PendingTriggerRecord?> TakeTriggerAsync(string triggerId, CancellationToken ct)
    {
        var trigger = rows.Query<PendingTriggerRecord>("\"Id\" = $p0", triggerId).SingleOrDefault();
        return Task.FromResult(trigger is not null && rows.Execute("DELETE FROM \"PendingTriggers\" WHERE \"Id\" = $p0", triggerId) > 0 ? trigger : null);
    }

    public void Add(object row) => rows.Add(row);

    public void Changed(object row) => rows.Changed(row);

    public Task FlushAsync(CancellationToken ct)
    {
        rows.Flush();
        return Task.CompletedTask;
    }
}
