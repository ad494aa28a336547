using Dnd.Crm.Consent;
using Dnd.Crm.Integrations;
using Dnd.Crm.Messaging;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Judges an account's due messages in its write, at the last moment before they leave: a message a later decision
/// blocks is cancelled with that decision's ledger line; one whose channel came under review is held; one outside the
/// recipient's sending window waits; one whose integration is disconnected is held; the channel's queued messages wait,
/// all in one statement, when no integration carries it (connecting one releases them); the rest are claimed (status
/// sending) for their providers. No opt-out can commit between this check and the claim.
/// </summary>
public sealed class OutboxClaims(IServiceScopeFactory scopes, TimeProvider clock, MessagingOptions options, QuietHoursPolicy quietHours,
    IMessageTransport transport)
{
    public async Task<List<OutboxClaim>> ClaimAsync(string accountId, IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        // Read before the write: on SQLite the write holds the one writer, which must not wait on a query.
        var sender = await services.GetRequiredService<AccountSettingsStore>().SenderAsync(accountId, ct);
        var channels = await db.Messages.AsNoTracking().Where(m => messageIds.Contains(m.Id)).Select(m => m.Channel).Distinct().ToListAsync(ct);
        var routes = new Dictionary<string, ConnectionLookup>();
        foreach (var channel in channels)
        {
            routes[channel] = await transport.RouteAsync(services, accountId, ChannelNames.Parse(channel), ct);
        }
        var claimed = new List<OutboxClaim>();
        await using var write = await services.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        // Read again in the write: another pass or process may have claimed, or an opt-out cancelled, since the list was made.
        var messages = await db.Messages.Where(m => messageIds.Contains(m.Id) && m.AccountId == accountId && m.Status == MessageStatus.Queued).ToListAsync(ct);
        var contactIds = messages.Select(m => m.ContactId).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId && contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var scopedIds = await ScopedIdsAsync(db, accountId, messages, ct);
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            if (await JudgeAsync(db, message, contacts.GetValueOrDefault(message.ContactId), sender, routes[message.Channel], scopedIds, now, ct) is { } claim)
            {
                claimed.Add(claim);
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (channel, route) in routes.Where(r => r.Value.Connection is null && !r.Value.Holds))
        {
            // The routes were read before the write: a connect that committed since released these messages, and they
            // must not be parked again on that stale answer. The row itself says (the next pass reads the new route).
            var providers = IntegrationProviders.For(ChannelNames.Parse(channel)).ToList();
            if (await db.Integrations.AnyAsync(i => i.AccountId == accountId && providers.Contains(i.Provider) && i.Status == IntegrationStatus.Connected, ct))
            {
                continue;
            }
            // Out of the due range at once, not one by one every pass: a backlog without an integration costs one statement.
            await OutboxQueries.DueUnordered(db, now).Where(m => m.AccountId == accountId && m.Channel == channel)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NotBefore, now + options.NoIntegrationRetry)
                    .SetProperty(m => m.StatusReason, IntegrationHolds.Waiting + route.Reason), ct);
        }
        await write.CommitAsync(ct);
        return claimed;
    }

    /// <summary>
    /// Hands back claims that were never handed to a provider (the process is stopping): each goes back to the queue as it
    /// was, its claimed attempt not counted. Runs to the end whatever is cancelled: it is the stop's last write.
    /// </summary>
    public async Task ReleaseAsync(IReadOnlyCollection<OutboxClaim> unsent)
    {
        foreach (var account in unsent.GroupBy(c => c.Letter.AccountId))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var ids = account.Select(c => c.Letter.MessageId).ToList();
            await using var write = await scope.ServiceProvider.GetRequiredService<AccountWrites>().BeginAsync(account.Key, CancellationToken.None);
            foreach (var message in await db.Messages.Where(m => ids.Contains(m.Id) && m.AccountId == account.Key && m.Status == MessageStatus.Sending)
                         .ToListAsync(CancellationToken.None))
            {
                (message.Status, message.ClaimedAt) = (MessageStatus.Queued, null);
                message.Attempts--;
            }
            await db.SaveChangesAsync(CancellationToken.None);
            await write.CommitAsync(CancellationToken.None);
        }
    }

    /// <summary>The page-scoped ids FB messages go to; read only when there are some, so other channels pay nothing.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ScopedIdsAsync(CrmDbContext db, string accountId, IEnumerable<MessageRecord> messages,
        CancellationToken ct)
    {
        var fb = messages.Where(m => m.Channel == Channel.Fb.ToWire()).Select(m => m.ContactId).Distinct().ToList();
        return fb.Count == 0 ? new Dictionary<string, string>() : await Contacts.InboundContacts.ScopedIdsAsync(db, accountId, fb, ct);
    }

    private async Task<OutboxClaim?> JudgeAsync(CrmDbContext db, MessageRecord message, ContactRecord? contact, Sender sender, ConnectionLookup route,
        IReadOnlyDictionary<string, string> scopedIds, DateTimeOffset now, CancellationToken ct)
    {
        var channel = ChannelNames.Parse(message.Channel);
        var blocked = contact is null ? "the contact was deleted"
            // An opt-out's confirmation is the one message its DND lets through, and only in its window.
            : message.Purpose == MessagePurpose.OptOutConfirmation
                ? now > message.NotAfter ? $"its window passed: an opt-out's confirmation may leave only within {OptOutConfirmation.Window.TotalMinutes:0} minutes of it" : null
            : message.Purpose == MessagePurpose.OptInConfirmation
                ? OptInConfirmation.BlockedReason(contact, channel, message, now)
            : Reachability.BlockedReason(contact, channel);
        if (blocked is not null)
        {
            message.Status = MessageStatus.Cancelled;
            message.StatusReason = blocked;
            message.LedgerSequence = await db.Ledger.Where(l => l.ContactId == message.ContactId && l.Channel == message.Channel && l.Verdict == "Applied")
                .OrderByDescending(l => l.Sequence).Select(l => (long?)l.Sequence).FirstOrDefaultAsync(ct);
            return null;
        }
        if (Reachability.HeldReason(contact!, channel, message.Purpose) is { } held)
        {
            // A possible opt-out came after it was queued: it waits with the channel's other marketing.
            (message.Status, message.StatusReason) = (MessageStatus.Held, held);
            return null;
        }
        // The window may have moved since it was queued (the contact's time zone, the account's hours): read as it leaves.
        if (quietHours.Check(contact!, message.Purpose, sender, now) is { } wait)
        {
            (message.NotBefore, message.StatusReason) = (wait.NotBefore, wait.Reason);
            return null;
        }
        if (route.Connection is not { } connection)
        {
            if (route.Holds)
            {
                (message.Status, message.StatusReason) = (MessageStatus.Held, IntegrationHolds.Reason);
            }
            return null;
        }
        (message.Status, message.ClaimedAt) = (MessageStatus.Sending, now);
        message.Attempts++;
        return new OutboxClaim(OutboundLetter.For(message, contact!, sender, options.PublicBaseUrl, scopedIds), connection, message.ContactId, message.TraceParent);
    }
}
