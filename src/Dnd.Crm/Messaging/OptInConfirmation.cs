using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Shared.Telemetry;

namespace Dnd.Crm.Messaging;

/// <summary>
/// The e-mail that confirms a contact's wish, made on the preference center, to get e-mail again (double opt-in): the
/// one message that passes the address's DND, because the contact asked for it a moment ago, and only within
/// <see cref="Window"/> of that request; a spam lock stops even this one.
/// </summary>
public static class OptInConfirmation
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>How long the link it carries confirms: long enough to find the e-mail the next day.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(48);

    /// <summary>Queues the composed confirmation for the outbox, tied to the ledger line of the contact's request.</summary>
    /// <param name="id">The message's id, which the composed message's own unsubscribe link already names.</param>
    public static MessageRecord Record(IConsentRows rows, ContactRecord contact, string id, ComposedMessage composed, long ledgerSequence, DateTimeOffset now)
    {
        var message = new MessageRecord
        {
            Id = id, AccountId = contact.AccountId, ContactId = contact.Id, Channel = Channel.Email.ToWire(), Direction = "outbound",
            Status = MessageStatus.Queued, Subject = composed.Subject, Body = composed.Body,
            HeadersJson = System.Text.Json.JsonSerializer.Serialize(composed.Headers), Purpose = MessagePurpose.OptInConfirmation,
            NotAfter = now + Window, LedgerSequence = ledgerSequence, CreatedAt = now, TraceParent = TraceParents.Current,
            StatusReason = $"the confirmation the contact asked for on the preference center (ledger line {ledgerSequence})",
        };
        rows.Add(message);
        return message;
    }

    /// <returns>Why it may not leave now, or null.</returns>
    public static string? BlockedReason(ContactRecord contact, Channel channel, MessageRecord message, DateTimeOffset now) =>
        now > message.NotAfter ? $"its window passed: an opt-in's confirmation may leave only within {Window.TotalMinutes:0} minutes of the request"
        : ContactConsentMapping.ToDomain(contact)[channel].SpamLock ? Reachability.BlockedReason(contact, channel)
        : string.IsNullOrWhiteSpace(contact.Email) ? "contact has no email address"
        : null;
}
