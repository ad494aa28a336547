using Dnd.Rules.Consent;
using Dnd.Crm.Erasure;
using Dnd.Crm.Persistence;
using Dnd.Crm.Persistence.Rows;

namespace Dnd.Crm.Consent;

/// <summary>
/// Consent's rows as prepared SQLite statements on the batch writer's connection, inside its open transaction: no
/// query compilation, no change tracking. The statements say in SQL what <see cref="EfConsentRows"/> says in LINQ;
/// the consent tests run on both.
/// </summary>
/// <remarks>
/// One per job. Contacts read in the job are kept and handed out again, as EF's change tracker hands out the entity it
/// tracks: a provider event reads the address's contacts, and sharing its outcome read them all again (a second
/// full row read, and a second copy of a contact the job may also change, each written back). Until the job's rows are
/// written (<see cref="SqliteRows.Flushes"/>) a query here could not see anything else, as staged rows are not in the
/// tables yet; after, it queries again.
/// </remarks>
public sealed class SqliteConsentRows(SqliteRows rows, CommitWatchers watchers) : IConsentRows
{
    private readonly Dictionary<(string AccountId, AddressKind Kind, string Address), List<ContactRecord>> _byAddress = new();
    private readonly Dictionary<(string AccountId, string Id), ContactRecord> _byId = new();
    private long _readAt = -1;

    public Task<List<ContactRecord>> ContactsWithAddressAsync(string accountId, AddressKind kind, string address, CancellationToken ct)
    {
        Fresh();
        if (!_byAddress.TryGetValue((accountId, kind, address), out var contacts))
        {
            var read = kind == AddressKind.Phone
                ? rows.Query<ContactRecord>("\"AccountId\" = $p0 AND \"Phone\" = $p1", accountId, address)
                : rows.Query<ContactRecord>("\"AccountId\" = $p0 AND \"Email\" = $p1", accountId, address);
            // A contact already read in this job is the instance the job holds (and may have changed), not the new copy.
            contacts = ContactOrder.Oldest(read.Select(c => _byId.TryAdd((accountId, c.Id), c) ? c : _byId[(accountId, c.Id)]));
            _byAddress[(accountId, kind, address)] = contacts;
        }
        return Task.FromResult(contacts.ToList());
    }

    public Task<ContactRecord?> FindContactAsync(string accountId, string contactId, CancellationToken ct)
    {
        Fresh();
        if (!_byId.TryGetValue((accountId, contactId), out var contact))
        {
            contact = rows.Query<ContactRecord>("\"Id\" = $p0 AND \"AccountId\" = $p1", contactId, accountId).SingleOrDefault();
            if (contact is not null)
            {
                _byId[(accountId, contactId)] = contact;
            }
        }
        return Task.FromResult(contact);
    }

    /// <summary>Forgets what was read once the job's rows have been written: the tables may differ from it now.</summary>
    private void Fresh()
    {
        if (_readAt != rows.Flushes)
        {
            _byAddress.Clear();
            _byId.Clear();
            _readAt = rows.Flushes;
        }
    }

    /// <remarks>The time is compared in memory for the reason given on <see cref="EfConsentRows.CountOutboundSinceAsync"/>.</remarks>
    public Task<int> CountOutboundSinceAsync(string accountId, string contactId, string channel, DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult(rows.Query<MessageRecord>(
            "\"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Channel\" = $p2 AND \"Direction\" = 'outbound' AND \"Status\" IN ($p3, $p4)",
            accountId, contactId, channel, MessageStatus.Queued, MessageStatus.Sent).Count(m => m.CreatedAt >= since));

    public Task<AddressConsentRecord?> FindAddressAsync(string accountId, string address, CancellationToken ct) =>
        Task.FromResult(rows.Query<AddressConsentRecord>("\"AccountId\" = $p0 AND \"Address\" = $p1", accountId, address).SingleOrDefault());

    public Task<ErasedAddressRecord?> FindErasedAsync(string accountId, string address, CancellationToken ct) =>
        Task.FromResult(rows.Query<AccountSaltRecord>("\"AccountId\" = $p0", accountId).SingleOrDefault() is { } salt
            ? rows.Query<ErasedAddressRecord>("\"AccountId\" = $p0 AND \"Hash\" = $p1", accountId, SuppressionHash.Of(salt.Salt, address)).SingleOrDefault()
            : null);

    public Task<ProcessedWebhookRecord?> FindProcessedAsync(string accountId, string provider, string eventId, CancellationToken ct) =>
        Task.FromResult(rows.Query<ProcessedWebhookRecord>("\"AccountId\" = $p0 AND \"Provider\" = $p1 AND \"EventId\" = $p2", accountId, provider, eventId)
            .SingleOrDefault());

    /// <summary>
    /// Claims a delivery in one statement: its record is inserted now (undone with the job if the job fails), or, when
    /// the account already has one for that provider and event id, that one is returned. Looking it up first and
    /// staging the insert for the job's end walked the same index twice.
    /// </summary>
    /// <returns>null when the record was inserted; else the one there before.</returns>
    public ProcessedWebhookRecord? ClaimProcessed(ProcessedWebhookRecord record) =>
        rows.InsertIfAbsent(record)
            ? null
            : rows.Query<ProcessedWebhookRecord>("\"AccountId\" = $p0 AND \"Provider\" = $p1 AND \"EventId\" = $p2", record.AccountId, record.Provider, record.EventId)
                .Single();

    public void Add(object row)
    {
        Watched = watchers.Noted(Watched, row);
        rows.Add(row);
    }

    public void Changed(object row) => rows.Changed(row);

    /// <summary>Cancels a contact's queued messages on a channel (the plan tests check its index).</summary>
    public const string CancelQueuedSql =
        "UPDATE \"Messages\" SET \"Status\" = $p0, \"StatusReason\" = $p1, \"LedgerSequence\" = $p2 " +
        "WHERE \"AccountId\" = $p3 AND \"ContactId\" = $p4 AND \"Channel\" = $p5 AND \"Direction\" = 'outbound' AND \"Status\" IN ($p6, $p7) " +
        "AND \"Purpose\" <> $p8";

    public Task CancelQueuedAsync(string accountId, string contactId, string channel, string? reason, long ledgerSequence, CancellationToken ct)
    {
        rows.Execute(CancelQueuedSql, MessageStatus.Cancelled, reason, ledgerSequence, accountId, contactId, channel, MessageStatus.Queued,
            MessageStatus.Held, MessagePurpose.OptOutConfirmation);
        return Task.CompletedTask;
    }

    public const string HoldQueuedSql =
        "UPDATE \"Messages\" SET \"Status\" = $p0, \"StatusReason\" = $p1 " +
        "WHERE \"AccountId\" = $p2 AND \"ContactId\" = $p3 AND \"Channel\" = $p4 AND \"Direction\" = 'outbound' AND \"Status\" = $p5 AND \"Purpose\" = $p6";

    public Task HoldQueuedMarketingAsync(string accountId, string contactId, string channel, string reason, CancellationToken ct)
    {
        rows.Execute(HoldQueuedSql, MessageStatus.Held, reason, accountId, contactId, channel, MessageStatus.Queued, MessagePurpose.Marketing);
        return Task.CompletedTask;
    }

    // One statement per id, each a seek: with both under an OR, SQLite walked the account's messages (the status
    // callbacks of the load harness fell from 8,600 to 57 a second).
    public const string ProviderReportedByProviderIdSql =
        "UPDATE \"Messages\" SET \"ProviderStatus\" = $p0, \"ProviderErrorCode\" = COALESCE($p1, \"ProviderErrorCode\") " +
        "WHERE \"AccountId\" = $p2 AND \"ProviderMessageId\" = $p3";

    public const string ProviderReportedByIdSql =
        "UPDATE \"Messages\" SET \"ProviderStatus\" = $p0, \"ProviderErrorCode\" = COALESCE($p1, \"ProviderErrorCode\") " +
        "WHERE \"Id\" = $p3 AND \"AccountId\" = $p2";

    public Task ProviderReportedAsync(string accountId, string? providerMessageId, string? messageId, string status, string? errorCode, CancellationToken ct)
    {
        if (providerMessageId is not null)
        {
            rows.Execute(ProviderReportedByProviderIdSql, status, errorCode, accountId, providerMessageId);
        }
        if (messageId is not null)
        {
            rows.Execute(ProviderReportedByIdSql, status, errorCode, accountId, messageId);
        }
        return Task.CompletedTask;
    }

    /// <summary>Both latest times are seeks on the (AccountId, ContactId, Channel, Status) index; times are UTC ticks here, so they compare.</summary>
    public const string AnswersUsSql =
        "SELECT 1 WHERE (SELECT MAX(\"CreatedAt\") FROM \"Messages\" WHERE \"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Channel\" = $p2 " +
        "AND \"Status\" IN ($p3, $p4) AND \"Direction\" = 'outbound') > " +
        "COALESCE((SELECT MAX(\"CreatedAt\") FROM \"Messages\" WHERE \"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Channel\" = $p2 " +
        "AND \"Direction\" = 'inbound'), -9223372036854775808)";

    public Task<bool> AnswersUsAsync(string accountId, string contactId, string channel, CancellationToken ct) =>
        Task.FromResult(rows.Exists(AnswersUsSql, accountId, contactId, channel, MessageStatus.Queued, MessageStatus.Sent));

    public Task<List<OptOutReviewRecord>> OpenReviewsAsync(string accountId, string contactId, string channel, CancellationToken ct) =>
        Task.FromResult(rows.Query<OptOutReviewRecord>("\"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Channel\" = $p2 AND \"Status\" = $p3",
            accountId, contactId, channel, OptOutReviewStatus.Open));

    /// <summary>The watchers whose rows were added, to be told once the job commits (EF's writes note them in SaveChanges).</summary>
    public ulong Watched { get; private set; }
}
