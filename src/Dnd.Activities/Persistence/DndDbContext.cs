using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Activities.Persistence;

/// <summary>
/// The product's database: the CRM's tables and the workflow engine's in one model, so a workflow step's consent
/// change, its message and the instance's advance commit in one transaction. Migrations and compiled models are of this.
/// </summary>
public sealed class DndDbContext(DbContextOptions<DndDbContext> options) : CrmDbContext(options)
{
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowDraftRecord> WorkflowDrafts => Set<WorkflowDraftRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<ExecutionLogRecord> ExecutionLog => Set<ExecutionLogRecord>();
    public DbSet<PendingTriggerRecord> PendingTriggers => Set<PendingTriggerRecord>();

    protected override void MapMore(ModelBuilder b) => WorkflowModel.Map(b);
}
