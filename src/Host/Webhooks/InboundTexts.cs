using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Dnd.Shared.Ids;

namespace Dnd.Host.Webhooks;

/// <summary>
/// A text the contact sent us, on any channel (an SMS, a WhatsApp message, an e-mail reply), inside the account's
/// write: filed in the inbox, read for opt-out intent with the conversation it answers, and, when it may be an
/// opt-out, queued for staff with the channel's marketing held.
/// </summary>
public static class InboundTexts
{
    public static async Task<(MessageRecord Message, ConsentDecision Decision)> ReceiveAsync(ConsentApplier consent, CachedAccount account,
        ContactRecord contact, Channel channel, string body, string? optOutType, string actedBy, string? clientIp, DateTimeOffset now, CancellationToken ct)
    {
        var rows = consent.Rows;
        // Only when the wording hangs on it (a bare "No"), the conversation is read before this message joins it: does it answer ours?
        var reading = account.Settings.ReadOptOut(body);
        var inReply = reading.NeedsContext && await rows.AnswersUsAsync(account.Id, contact.Id, channel.ToWire(), ct);
        var message = Received(contact, channel, body, now);
        rows.Add(message);
        var decision = await consent.ApplyAsync(contact, new InboundMessageEvent(channel, body, optOutType)
        {
            InReplyToUs = inReply, Reading = reading, ActedBy = actedBy, ClientIp = clientIp,
        }, account.Settings);
        if (decision.Classification.Kind == ChangeKind.Review)
        {
            await ReviewQueue.FlagAsync(rows, contact, decision, body, message.Id, now, account.Profile.Zone, ct);
        }
        return (message, decision);
    }

    /// <summary>An inbound message or call, filed as blocked when the contact has inbound DND.</summary>
    public static MessageRecord Received(ContactRecord contact, Channel channel, string body, DateTimeOffset now) => new()
    {
        Id = RowIds.New(), AccountId = contact.AccountId, ContactId = contact.Id, Channel = channel.ToWire(),
        Direction = "inbound", Status = contact.InboundDnd ? MessageStatus.BlockedInboundDnd : MessageStatus.Received, Body = body, CreatedAt = now,
    };
}
