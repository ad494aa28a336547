using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Templates;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Conversations;

/// <summary>
/// A manual send, from POST /conversations/messages or the operator app's conversation: through the same DND gate as
/// workflows. A blocked send is refused with the reason and changes nothing: nothing was sent, and the caller holds the
/// answer (workflow sends record a skipped message, because there nobody else sees the refusal).
/// </summary>
public sealed class MessageSender(ConsentWrites consentWrites, AccountSettingsStore settings, TemplateRenderer templates, MessageComposer composer,
    QuietHoursPolicy quietHours, TimeProvider clock)
{
    /// <exception cref="ApiValidationException">The request is invalid (nothing is sent).</exception>
    /// <exception cref="ContactNotFoundException">No such contact in this account.</exception>
    public async Task<SendOutcome> SendAsync(string accountId, SendMessageRequest body, CancellationToken ct)
    {
        var (channel, text) = body.Validate();
        // Read before the write (the account cache): on SQLite the write holds the one writer, which must not wait on a query.
        var sender = await settings.SenderAsync(accountId, ct);
        // In the account's write order: an opt-out committed before this send refuses it, one after it cancels it.
        var (contactId, messageId, blockedOrHeld) = await consentWrites.RunAsync(accountId, async consent =>
        {
            var contact = await consent.Rows.FindContactAsync(accountId, body.ContactId!, ct) ?? throw new ContactNotFoundException(body.ContactId!);
            // Refused before anything is staged: a refused send records nothing (the caller holds the answer).
            if (Reachability.BlockedReason(contact, channel) is { } reason)
            {
                return (contact.Id, (string?)null, (string?)reason);
            }
            var result = await new OutboundMessenger(consent.Rows, templates, composer, quietHours, clock).SendAsync(contact, channel, body.Subject, text,
                workflowInstanceId: null, sender, purpose: body.PurposeOrDefault, ct: ct);
            return result.Sent ? (contact.Id, result.Message.Id, result.Message.StatusReason) : throw new InvalidOperationException(result.BlockedReason);
        }, ct);
        return messageId is null
            ? new SendOutcome(contactId, channel, null, blockedOrHeld, null)
            : new SendOutcome(contactId, channel, messageId, null, blockedOrHeld);
    }
}

/// <summary>What became of a send: refused by DND (<see cref="BlockedReason"/>), or accepted, queued or held for review.</summary>
/// <param name="MessageId">The message recorded; null when DND refused it.</param>
/// <param name="HeldReason">Why an accepted message waits (a possible opt-out on its channel under review, or the recipient's quiet hours); null when it may leave now.</param>
public sealed record SendOutcome(string ContactId, Channel Channel, string? MessageId, string? BlockedReason, string? HeldReason)
{
    public bool Refused => MessageId is null;

    /// <summary>The refusal as the API's 422 says it.</summary>
    public string Refusal => $"Cannot send {Channel.ToWire()} to this contact: {BlockedReason}";

    /// <summary>
    /// An accepted send as the API's response says it: "Message queued", "Message held: …" or "Message waiting for quiet
    /// hours to end: …". A held message is accepted: it leaves if staff dismiss the review, and is cancelled if they confirm it.
    /// </summary>
    public string Accepted => HeldReason is null ? "Message queued" : $"Message {HeldReason}";
}
