using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

public sealed partial class DndDbContext(DbContextOptions<DndDbContext> options) : DbContext(options)
{
    public DbSet<AccountRecord> Accounts => Set<AccountRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<ContactRecord> Contacts => Set<ContactRecord>();
    public DbSet<LedgerRecord> Ledger => Set<LedgerRecord>();
    public DbSet<ProcessedWebhookRecord> ProcessedWebhooks => Set<ProcessedWebhookRecord>();
    public DbSet<MessageRecord> Messages => Set<MessageRecord>();
    public DbSet<SmartListRecord> SmartLists => Set<SmartListRecord>();
    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowDraftRecord> WorkflowDrafts => Set<WorkflowDraftRecord>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<ExecutionLogRecord> ExecutionLog => Set<ExecutionLogRecord>();
    public DbSet<PendingTriggerRecord> PendingTriggers => Set<PendingTriggerRecord>();
    public DbSet<AddressConsentRecord> AddressConsents => Set<AddressConsentRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<AccountRecord>().HasKey(a => a.Id);
        b.Entity<ApiKeyRecord>().HasKey(k => k.KeyHash);

        var contact = b.Entity<ContactRecord>();
        contact.HasKey(c => c.Id);
        // Address lookups, and searches for an email or phone in page order: with the sort columns after the address, an
        // exact email or phone search is a seek here rather than a walk of the account's paging index below.
        contact.HasIndex(c => new { c.AccountId, c.Email, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.Phone, c.CreatedAt, c.Id });
        // NULLs are distinct in both SQLite and PostgreSQL, so allowed duplicates (null key) never collide.
        contact.HasIndex(c => new { c.AccountId, c.EmailKey }).IsUnique();
        contact.HasIndex(c => new { c.AccountId, c.PhoneKey }).IsUnique();
        // Search and smart lists page in (CreatedAt, Id) order within an account, usually filtered on one channel's DND
        // status: with these the filtered, sorted page is a range read of an index (no sort of the matches) and the
        // total a count over the same index, never the table.
        contact.HasIndex(c => new { c.AccountId, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndCall, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndEmail, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndSms, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndWhatsApp, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndFb, c.CreatedAt, c.Id });
        contact.HasIndex(c => new { c.AccountId, c.DndGmb, c.CreatedAt, c.Id });
        contact.Property(c => c.Revision).IsConcurrencyToken();
        contact.Ignore(c => c.Tags);

        b.Entity<LedgerRecord>().HasIndex(l => new { l.ContactId, l.Sequence }).IsUnique();
        b.Entity<LedgerRecord>().HasIndex(l => new { l.AccountId, l.Address, l.Sequence }).IsUnique();
        b.Entity<AddressConsentRecord>().HasKey(a => new { a.AccountId, a.Address });
        b.Entity<ProcessedWebhookRecord>().HasKey(w => new { w.AccountId, w.Provider, w.EventId });
        b.Entity<MessageRecord>().HasKey(m => m.Id);
        // A contact's messages; with channel and status, cancelling its queued ones on an opt-out is a seek that no planner
        // (SQLite without statistics included) trades for the outbox's (Status, CreatedAt) index and every queued message.
        b.Entity<MessageRecord>().HasIndex(m => new { m.AccountId, m.ContactId, m.Channel, m.Status });
        b.Entity<MessageRecord>().HasIndex(m => new { m.Status, m.CreatedAt });
        b.Entity<SmartListRecord>().HasKey(s => s.Id);

        // Ids are per account: the owner leads the key, so an account's workflows are one range.
        b.Entity<WorkflowDefinitionRecord>().HasKey(d => new { d.OwnerAccountId, d.DefinitionId, d.Version });
        b.Entity<WorkflowDraftRecord>().HasKey(d => new { d.OwnerAccountId, d.DefinitionId });
        var instance = b.Entity<WorkflowInstanceRecord>();
        instance.HasKey(i => i.Id);
        instance.HasIndex(i => new { i.AccountId, i.ContactId, i.Status });
        // The worker's look for stalled running instances each pass: a range read, not a walk of every instance.
        instance.HasIndex(i => new { i.Status, i.UpdatedAt });
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

        // SQLite cannot order or compare DateTimeOffset; store UTC ticks there so due-bookmark queries run in SQL.
        if (Database.IsSqlite())
        {
            foreach (var property in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            }
        }
    }
}
