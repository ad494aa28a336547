using Dnd.Crm.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>
/// The CRM's tables: accounts, contacts and their consent, the ledger, messages, and the people who sign in to the
/// operator app (ASP.NET Core Identity's tables). The application's database maps more beside them (the workflow
/// engine's) in a context derived from this one, so both commit in one transaction.
/// </summary>
public partial class CrmDbContext : IdentityDbContext<OperatorUser>, IDataProtectionKeyContext
{
    public CrmDbContext(DbContextOptions<CrmDbContext> options) : base(options)
    {
    }

    /// <summary>For a derived context's own options type.</summary>
    protected CrmDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<AccountRecord> Accounts => Set<AccountRecord>();
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();
    public DbSet<ContactRecord> Contacts => Set<ContactRecord>();
    public DbSet<LedgerRecord> Ledger => Set<LedgerRecord>();
    public DbSet<ProcessedWebhookRecord> ProcessedWebhooks => Set<ProcessedWebhookRecord>();
    public DbSet<MessageRecord> Messages => Set<MessageRecord>();
    public DbSet<SmartListRecord> SmartLists => Set<SmartListRecord>();
    public DbSet<AddressConsentRecord> AddressConsents => Set<AddressConsentRecord>();
    public DbSet<OptOutReviewRecord> OptOutReviews => Set<OptOutReviewRecord>();
    public DbSet<IntegrationRecord> Integrations => Set<IntegrationRecord>();
    public DbSet<IntegrationEventRecord> IntegrationEvents => Set<IntegrationEventRecord>();
    public DbSet<SuppressionRemovalRecord> SuppressionRemovals => Set<SuppressionRemovalRecord>();
    public DbSet<ContactScopedIdRecord> ContactScopedIds => Set<ContactScopedIdRecord>();
    public DbSet<JobRecord> Jobs => Set<JobRecord>();
    public DbSet<JobItemRecord> JobItems => Set<JobItemRecord>();
    public DbSet<JobTargetRecord> JobTargets => Set<JobTargetRecord>();
    public DbSet<WebhookSubscriptionRecord> WebhookSubscriptions => Set<WebhookSubscriptionRecord>();
    public DbSet<WebhookDeliveryRecord> WebhookDeliveries => Set<WebhookDeliveryRecord>();
    public DbSet<WebhookAttemptRecord> WebhookAttempts => Set<WebhookAttemptRecord>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportChunkRecord> ImportChunks => Set<ImportChunkRecord>();
    public DbSet<ImportIssueRecord> ImportIssues => Set<ImportIssueRecord>();
    public DbSet<AccountSaltRecord> AccountSalts => Set<AccountSaltRecord>();
    public DbSet<ErasedAddressRecord> ErasedAddresses => Set<ErasedAddressRecord>();

    /// <summary>Data Protection's key ring (it protects the integrations' secrets), so every replica and restart reads the same keys.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<OperatorUser>().HasIndex(u => u.AccountId);
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
        // The account's proofs of consent by time, for their export: few lines among many, so only those are indexed.
        b.Entity<LedgerRecord>().HasIndex(l => new { l.AccountId, l.At }).HasFilter("\"ProofJson\" IS NOT NULL");
        // The account's applied decisions by time, for the opt-out reports: a range read, not a walk of every line.
        b.Entity<LedgerRecord>().HasIndex(l => new { l.AccountId, l.At }, "IX_Ledger_AccountId_At_Applied").HasFilter("\"Verdict\" = 'Applied'");
        b.Entity<AddressConsentRecord>().HasKey(a => new { a.AccountId, a.Address });
        b.Entity<ProcessedWebhookRecord>().HasKey(w => new { w.AccountId, w.Provider, w.EventId });
        b.Entity<MessageRecord>().HasKey(m => m.Id);
        // A contact's messages; with channel and status, cancelling its queued ones on an opt-out is a seek that no planner
        // (SQLite without statistics included) trades for the outbox's (Status, CreatedAt) index and every queued message.
        b.Entity<MessageRecord>().HasIndex(m => new { m.AccountId, m.ContactId, m.Channel, m.Status });
        b.Entity<MessageRecord>().HasIndex(m => new { m.Status, m.CreatedAt });
        // A provider's status webhook finds its message by the provider's id.
        b.Entity<MessageRecord>().HasIndex(m => new { m.AccountId, m.ProviderMessageId });
        b.Entity<MessageRecord>().Property(m => m.TraceParent).HasMaxLength(Dnd.Shared.Telemetry.TraceParents.MaxLength);
        b.Entity<SmartListRecord>().HasKey(s => s.Id);
        b.Entity<OptOutReviewRecord>().HasKey(r => r.Id);
        // The queue in its order (open first, by deadline), and a contact's open reviews on a channel when it comes to block.
        b.Entity<OptOutReviewRecord>().HasIndex(r => new { r.AccountId, r.Status, r.Deadline });
        b.Entity<OptOutReviewRecord>().HasIndex(r => new { r.AccountId, r.ContactId, r.Channel, r.Status });

        b.Entity<IntegrationRecord>().HasKey(i => new { i.AccountId, i.Provider });
        b.Entity<IntegrationEventRecord>().HasKey(e => e.Id);
        b.Entity<IntegrationEventRecord>().HasIndex(e => new { e.AccountId, e.At });
        b.Entity<SuppressionRemovalRecord>().HasKey(r => r.Id);
        // The remover's due read, and the import's "is this address being taken off the list" check.
        b.Entity<SuppressionRemovalRecord>().HasIndex(r => new { r.Status, r.NextAttemptAt });
        b.Entity<SuppressionRemovalRecord>().HasIndex(r => new { r.AccountId, r.Address, r.Status });
        b.Entity<ContactScopedIdRecord>().HasKey(s => new { s.AccountId, s.Platform, s.ScopedId });
        // A contact's ids, for a Messenger or Instagram send to them.
        b.Entity<ContactScopedIdRecord>().HasIndex(s => new { s.AccountId, s.ContactId });
        JobModel.Configure(b);
        WebhookModel.Map(b);
        ImportModel.Map(b);
        ErasureModel.Map(b);
        // The account's whole ledger by time, for its CSV export in keyset pages.
        b.Entity<LedgerRecord>().HasIndex(l => new { l.AccountId, l.At, l.Id }, "IX_Ledger_AccountId_At_Id");

        MapMore(b);

        // SQLite cannot order or compare DateTimeOffset; store UTC ticks there so time comparisons (due timers, send caps) run in SQL.
        if (Database.IsSqlite())
        {
            foreach (var property in b.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                         .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            {
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
            }
        }
    }

    /// <summary>A derived context's own tables, mapped before the provider's conventions below apply to every table.</summary>
    protected virtual void MapMore(ModelBuilder b)
    {
    }
}
