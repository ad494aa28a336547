using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;
using Dnd.Crm.Persistence.Rows;

namespace Dnd.Crm.Consent;

/// <summary>
/// Consent's rows as prepared SQLite statements on the batch writer's connection, inside its open transaction: no
/// query compilation, no change tracking. The statements say in SQL what <see cref="EfConsentRows"/> says in LINQ;
/// the consent tests run on both.
/// </summary>
public sealed class SqliteConsentRows(SqliteRows rows, CommitWatchers watchers) : IConsentRows
{
    public Task<List<ContactRecord>> ContactsWithAddressAsync(string accountId, AddressKind kind, string address, CancellationToken ct) =>
        Task.FromResult(ContactOrder.Oldest(kind == AddressKind.Phone
            ? rows.Query<ContactRecord>("\"AccountId\" = $p0 AND \"Phone\" = $p1", accountId, address)
            : rows.Query<ContactRecord>("\"AccountId\" = $p0 AND \"Email\" = $p1", accountId, address)));

    public Task<ContactRecord?> FindContactAsync(string accountId, string contactId, CancellationToken ct) =>
        Task.FromResult(rows.Query<ContactRecord>("\"Id\" = $p0 AND \"AccountId\" = $p1", contactId, accountId).SingleOrDefault());

    /// <remarks>The time is compared in memory for the reason given on <see cref="EfConsentRows.CountOutboundSinceAsync"/>.</remarks>
    public Task<int> CountOutboundSinceAsync(string accountId, string contactId, string channel, DateTimeOffset since, CancellationToken ct) =>
        Task.FromResult(rows.Query<MessageRecord>(
            "\"AccountId\" = $p0 AND \"ContactId\" = $p1 AND \"Channel\" = $p2 AND \"Direction\" = 'outbound' AND \"Status\" IN ($p3, $p4)",
            accountId, contactId, channel, MessageStatus.Queued, MessageStatus.Sent).Count(m => m.CreatedAt >= since));

    public Task<AddressConsentRecord?> FindAddressAsync(string accountId, string address, CancellationToken ct) =>
        Task.FromResult(rows.Query<AddressConsentRecord>("\"AccountId\" = $p0 AND \"Address\" = $p1", accountId, address).SingleOrDefault());

    public Task<ProcessedWebhookRecord?> FindProcessedAsync(string accountId, string provider, string eventId, CancellationToken ct) =>
        Task.FromResult(rows.Query<ProcessedWebhookRecord>("\"AccountId\" = $p0 AND \"Provider\" = $p1 AND \"EventId\" = $p2", accountId, provider, eventId)
            .SingleOrDefault());

    public void Add(object row)
    {
        Watched = watchers.Noted(Watched, row);
        rows.Add(row);
    }

    public void Changed(object row) => rows.Changed(row);

    /// <summary>Cancels a contact's queued messages on a channel (the plan tests check its index).</summary>
    public const string CancelQueuedSql =
        "UPDATE \"Messages\" SET \"Status\" = $p0, \"StatusReason\" = $p1, \"LedgerSequence\" = $p2 " +
        "WHERE \"AccountId\" = $p3 AND \"ContactId\" = $p4 AND \"Channel\" = $p5 AND \"Direction\" = 'outbound' AND \"Status\" = $p6";

    public Task CancelQueuedAsync(string accountId, string contactId, string channel, string? reason, long ledgerSequence, CancellationToken ct)
    {
        rows.Execute(CancelQueuedSql, MessageStatus.Cancelled, reason, ledgerSequence, accountId, contactId, channel, MessageStatus.Queued);
        return Task.CompletedTask;
    }

    /// <summary>The watchers whose rows were added, to be told once the job commits (EF's writes note them in SaveChanges).</summary>
    public ulong Watched { get; private set; }
}
