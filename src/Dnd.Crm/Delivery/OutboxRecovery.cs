using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Delivery;

/// <summary>
/// Claimed messages whose provider never answered (the process died mid hand-over, or the call timed out): after the
/// lease each is looked up at its provider by our reference. Found, it is recorded as sent, with no second copy; not
/// there, it goes back to the queue, where it is judged again (consent, quiet hours) before it is sent; when the
/// provider cannot tell (SMTP) it goes back too — the one at-least-once window, which README states.
/// </summary>
public sealed class OutboxRecovery(IServiceScopeFactory scopes, TimeProvider clock, MessagingOptions options, IMessageTransport transport)
{
    private const int Batch = 100;

    public async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var stale = clock.GetUtcNow() - options.ClaimLease;
        var lost = await db.Messages.AsNoTracking().Where(m => m.Status == MessageStatus.Sending && m.ClaimedAt < stale)
            .OrderBy(m => m.ClaimedAt).Take(Batch).ToListAsync(ct);
        foreach (var account in lost.GroupBy(m => m.AccountId))
        {
            var found = new Dictionary<string, (DateTimeOffset? ClaimedAt, HandOverLookup Lookup)>();
            var sender = await services.GetRequiredService<AccountSettingsStore>().SenderAsync(account.Key, ct);
            var contactIds = account.Select(m => m.ContactId).Distinct().ToList();
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.AccountId == account.Key && contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var scopedIds = await OutboxClaims.ScopedIdsAsync(db, account.Key, account, ct);
            foreach (var message in account)
            {
                var channel = ChannelNames.Parse(message.Channel);
                var route = await transport.RouteAsync(services, account.Key, channel, ct);
                found[message.Id] = (message.ClaimedAt, route.Connection is null || !contacts.TryGetValue(message.ContactId, out var contact)
                    ? HandOverLookup.CannotTell
                    : await transport.FindAsync(route.Connection, OutboundLetter.For(message, contact, sender, options.PublicBaseUrl, scopedIds), ct));
            }
            await RecordAsync(services, account.Key, found, ct);
        }
    }

    /// <param name="found">Each lost message's claim as it was looked up, and the provider's answer about that claim.</param>
    private async Task RecordAsync(IServiceProvider services, string accountId, Dictionary<string, (DateTimeOffset? ClaimedAt, HandOverLookup Lookup)> found,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var ids = found.Keys.ToList();
        await using var write = await services.GetRequiredService<AccountWrites>().BeginAsync(accountId, ct);
        var messages = await db.Messages.Where(m => ids.Contains(m.Id) && m.AccountId == accountId && m.Status == MessageStatus.Sending).ToListAsync(ct);
        // Only the claim that was looked up: with several hosts another one may have recovered it meanwhile and a new claim
        // be handing it over now; re-queuing that one on this stale answer would send it twice.
        foreach (var message in messages.Where(m => m.ClaimedAt == found[m.Id].ClaimedAt))
        {
            var lookup = found[message.Id].Lookup;
            if (lookup.Answer == HandOverFound.Found)
            {
                OutboxAnswers.Sent(message, lookup.ProviderMessageId);
                continue;
            }
            (message.Status, message.ClaimedAt, message.NotBefore) = (MessageStatus.Queued, null, null);
            message.StatusReason = DeliveryReasons.Retrying + (lookup.Answer == HandOverFound.NotFound
                ? "the provider never got it, so it is sent now"
                : "the provider cannot tell whether it got it before the answer was lost, so it is sent again (at least once)");
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
