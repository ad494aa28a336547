using Dnd.Rules.Consent;
using Dnd.Crm.Erasure;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Consent;

/// <summary>Consent's rows through EF: tracked, saved by the caller's SaveChanges.</summary>
public sealed class EfConsentRows(CrmDbContext db) : IConsentRows
{
    public async Task<List<ContactRecord>> ContactsWithAddressAsync(string accountId, AddressKind kind, string address, CancellationToken ct) =>
        ContactOrder.Oldest(await db.Contacts.WithAddress(accountId, kind, address).ToListAsync(ct));

    public Task<ContactRecord?> FindContactAsync(string accountId, string contactId, CancellationToken ct) =>
        db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == accountId, ct);

    /// <remarks>
    /// The time is compared here, not in SQL: with "CreatedAt >= since" SQLite's planner took the outbox's (Status, CreatedAt)
    /// index and counted through every message queued in the last hour, in every account (70 % of a workflow Send's time).
    /// </remarks>
    public async Task<int> CountOutboundSinceAsync(string accountId, string contactId, string channel, DateTimeOffset since, CancellationToken ct) =>
        (await Outbound(db.Messages, accountId, contactId, channel).Where(m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent)
            .Select(m => m.CreatedAt).ToListAsync(ct)).Count(at => at >= since);

    /// <summary>The contact's outbound messages on a channel (the plan tests check the index these queries take).</summary>
    public static IQueryable<MessageRecord> Outbound(IQueryable<MessageRecord> messages, string accountId, string contactId, string channel) =>
        messages.Where(m => m.AccountId == accountId && m.ContactId == contactId && m.Channel == channel && m.Direction == "outbound");

    public Task<AddressConsentRecord?> FindAddressAsync(string accountId, string address, CancellationToken ct) =>
        db.AddressConsents.SingleOrDefaultAsync(a => a.AccountId == accountId && a.Address == address, ct);

    public async Task<ErasedAddressRecord?> FindErasedAsync(string accountId, string address, CancellationToken ct)
    {
        var salt = await db.AccountSalts.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => s.Salt).SingleOrDefaultAsync(ct);
        if (salt is null)
        {
            return null;
        }
        var hash = SuppressionHash.Of(salt, address);
        return await db.ErasedAddresses.AsNoTracking().SingleOrDefaultAsync(e => e.AccountId == accountId && e.Hash == hash, ct);
    }

    public Task<ProcessedWebhookRecord?> FindProcessedAsync(string accountId, string provider, string eventId, CancellationToken ct) =>
        db.ProcessedWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.AccountId == accountId && w.Provider == provider && w.EventId == eventId, ct);

    public void Add(object row) => db.Add(row);

    public void Changed(object row)
    {
        // Tracked: EF sees the change itself.
    }

    public async Task CancelQueuedAsync(string accountId, string contactId, string channel, string? reason, long ledgerSequence, CancellationToken ct)
    {
        var queued = await Outbound(db.Messages, accountId, contactId, channel)
            .Where(m => (m.Status == MessageStatus.Queued || m.Status == MessageStatus.Held) && m.Purpose != MessagePurpose.OptOutConfirmation).ToListAsync(ct);
        foreach (var message in queued)
        {
            message.Status = MessageStatus.Cancelled;
            message.StatusReason = reason;
            message.LedgerSequence = ledgerSequence;
        }
    }

    public async Task ProviderReportedAsync(string accountId, string? providerMessageId, string? messageId, string status, string? errorCode,
        CancellationToken ct)
    {
        // Each id only when given: EF reads "== null" as IS NULL, which every unsent message would match.
        var messages = db.Messages.Where(m => m.AccountId == accountId);
        messages = (providerMessageId, messageId) switch
        {
            ({ } provider, { } ours) => messages.Where(m => m.ProviderMessageId == provider || m.Id == ours),
            ({ } provider, null) => messages.Where(m => m.ProviderMessageId == provider),
            (null, { } ours) => messages.Where(m => m.Id == ours),
            _ => messages.Where(m => false),
        };
        foreach (var message in await messages.ToListAsync(ct))
        {
            (message.ProviderStatus, message.ProviderErrorCode) = (status, errorCode ?? message.ProviderErrorCode);
        }
    }

    public async Task HoldQueuedMarketingAsync(string accountId, string contactId, string channel, string reason, CancellationToken ct)
    {
        var queued = await Outbound(db.Messages, accountId, contactId, channel)
            .Where(m => m.Status == MessageStatus.Queued && m.Purpose == MessagePurpose.Marketing).ToListAsync(ct);
        foreach (var message in queued)
        {
            message.Status = MessageStatus.Held;
            message.StatusReason = reason;
        }
    }

    public async Task<bool> AnswersUsAsync(string accountId, string contactId, string channel, CancellationToken ct)
    {
        var ours = await Outbound(db.Messages, accountId, contactId, channel)
            .Where(m => m.Status == MessageStatus.Queued || m.Status == MessageStatus.Sent)
            .OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        var theirs = await db.Messages.Where(m => m.AccountId == accountId && m.ContactId == contactId && m.Channel == channel && m.Direction == "inbound")
            .OrderByDescending(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct);
        return ours is { } at && (theirs is null || at > theirs);
    }

    public Task<List<OptOutReviewRecord>> OpenReviewsAsync(string accountId, string contactId, string channel, CancellationToken ct) =>
        db.OptOutReviews.Where(r => r.AccountId == accountId && r.ContactId == contactId && r.Channel == channel && r.Status == OptOutReviewStatus.Open)
            .ToListAsync(ct);
}
