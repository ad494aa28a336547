using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dnd.Workflows.Persistence;

/// <summary>
/// The engine's tables in the scope's DbContext: the application's, whose model maps them with <see cref="WorkflowModel"/>.
/// The engine reads and saves through this and never names that context. Scoped, like the context.
/// </summary>
public sealed class WorkflowDb(DbContext context)
{
    public DbContext Context => context;
    public DatabaseFacade Database => context.Database;
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => context.Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowDraftRecord> WorkflowDrafts => context.Set<WorkflowDraftRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => context.Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => context.Set<BookmarkRecord>();
    public DbSet<ExecutionLogRecord> ExecutionLog => context.Set<ExecutionLogRecord>();
    public DbSet<PendingTriggerRecord> PendingTriggers => context.Set<PendingTriggerRecord>();

    public Task<int> SaveChangesAsync(CancellationToken ct = default) => context.SaveChangesAsync(ct);
}
