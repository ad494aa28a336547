using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Shared.Ids;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Shared.Telemetry;

namespace Dnd.Crm.Messaging;

/// <summary>
/// The single confirmation text the FCC allows after a text opt-out: only within 5 minutes of it, once for that opt-out,
/// and nothing else on that channel afterwards. The account may turn it off and words it.
/// </summary>
public static class OptOutConfirmation
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The ledger line of the opt-out this decision made on a text channel, when a confirmation is owed for it: the
    /// channel became permanent just now (a repeated STOP changes nothing, so it is not confirmed twice).
    /// </summary>
    public static ConsentLedgerEntry? Owed(ConsentDecision decision, Channel channel, ComplianceSettings texts)
    {
        if (!texts.SendOptOutConfirmation || channel is not (Channel.Sms or Channel.WhatsApp))
        {
            return null;
        }
        var made = decision.Outcomes.Any(o => o.Channel == channel && o.Verdict == Verdict.Applied && o.After.Status == DndStatus.Permanent &&
                                               o.Before.Status != DndStatus.Permanent);
        return made ? decision.Entries.Last(e => e.Channel == channel) : null;
    }

    /// <summary>
    /// Records the confirmation, the only message DND lets through: as <paramref name="status"/> (sent when it went as the
    /// reply to the opt-out itself, queued for the outbox otherwise), never to leave after <see cref="Window"/> from the opt-out.
    /// </summary>
    public static MessageRecord Record(IConsentRows rows, ContactRecord contact, Channel channel, string text, DateTimeOffset optOutAt,
        long ledgerSequence, string status, DateTimeOffset now)
    {
        var message = new MessageRecord
        {
            Id = RowIds.New(), AccountId = contact.AccountId, ContactId = contact.Id, Channel = channel.ToWire(), Direction = "outbound",
            Status = status, Body = text, Purpose = MessagePurpose.OptOutConfirmation, NotAfter = optOutAt + Window,
            LedgerSequence = ledgerSequence, CreatedAt = now, TraceParent = TraceParents.Current,
            StatusReason = $"the one confirmation allowed after the opt-out of ledger line {ledgerSequence}",
        };
        rows.Add(message);
        return message;
    }
}
