using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

/// <summary>
/// The engine's tables, keys and indexes, mapped into whichever DbContext holds them beside the application's own
/// tables (one database, so a step's writes and the instance's advance commit together).
/// </summary>
public static class WorkflowModel
{
    public static void Map(ModelBuilder b)
    {
        // Ids are per account: the owner leads the key, so an account's workflows are one range.
        b.Entity<WorkflowDefinitionRecord>().HasKey(d => new { d.OwnerAccountId, d.DefinitionId, d.Version });
        b.Entity<WorkflowDraftRecord>().HasKey(d => new { d.OwnerAccountId, d.DefinitionId });
        var instance = b.Entity<WorkflowInstanceRecord>();
        instance.HasKey(i => i.Id);
        instance.HasIndex(i => new { i.AccountId, i.ContactId, i.Status });
        // The worker's look for stalled running instances each pass: a range read, not a walk of every instance.
        instance.HasIndex(i => new { i.Status, i.UpdatedAt });
        // The operator app pages one workflow's instances newest first (ids are time-ordered) and counts them by status:
        // range reads of this index. Status is left out on purpose: with it, SQLite's planner chose this index over the
        // contact's for the batch writer's "is the contact in this workflow" check (WorkQueryPlanTests).
        instance.HasIndex(i => new { i.AccountId, i.DefinitionId, i.Id });
        instance.Property(i => i.Revision).IsConcurrencyToken();
        instance.Property(i => i.Status).HasConversion<string>();

        b.Entity<BookmarkRecord>().HasKey(k => k.Id);
        b.Entity<BookmarkRecord>().HasIndex(k => k.DueAt);
        b.Entity<BookmarkRecord>().HasIndex(k => new { k.AccountId, k.ContactId, k.Kind });
        // An instance's bookmarks, dropped when it ends or is removed: without it every end read the whole table.
        b.Entity<BookmarkRecord>().HasIndex(k => k.InstanceId);
        b.Entity<ExecutionLogRecord>().HasIndex(l => new { l.InstanceId, l.Step });
        b.Entity<PendingTriggerRecord>().HasKey(t => t.Id);
        // The worker takes them oldest first: a range read, not a sort of the backlog each pass.
        b.Entity<PendingTriggerRecord>().HasIndex(t => t.CreatedAt);
        instance.Property(i => i.TraceParent).HasMaxLength(Dnd.Shared.Telemetry.TraceParents.MaxLength);
        b.Entity<BookmarkRecord>().Property(k => k.TraceParent).HasMaxLength(Dnd.Shared.Telemetry.TraceParents.MaxLength);
        b.Entity<PendingTriggerRecord>().Property(t => t.TraceParent).HasMaxLength(Dnd.Shared.Telemetry.TraceParents.MaxLength);
    }
}
