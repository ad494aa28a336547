using Dnd.Shared.Ids;
using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;
using Dnd.Shared.Telemetry;

namespace Dnd.Crm.Messaging;

/// <summary>
/// The one way in to the outbox for every outbound message, API or workflow: checks DND on the contact's current
/// row at send time, renders the template, adds footer or unsubscribe headers, and records the message (or the
/// skip). Callers run inside the account's write, so a later opt-out finds the queued message and cancels it;
/// the outbox checks consent once more when a message leaves.
/// </summary>
/// <remarks>Stages through <see cref="IConsentRows"/>, so it runs in an EF write or a batch writer job alike.</remarks>
public sealed class OutboundMessenger(IConsentRows rows, TemplateRenderer templates, MessageComposer composer, QuietHoursPolicy quietHours, TimeProvider clock)
{
    /// <summary>Stages the message on the context; the caller saves (so a workflow step commits it with its advance).</summary>
    /// <param name="sender">The account's compliance texts, added as it says (<see cref="ComposeAsync"/>).</param>
    /// <param name="capPerHour">At most this many messages to the contact on the channel in the last hour (workflow sends).</param>
    /// <param name="purpose">
    /// <see cref="MessagePurpose.Marketing"/> (the default) waits, status held, while a possible opt-out on the channel is
    /// reviewed, and waits, still queued, for the recipient's quiet hours to end; <see cref="MessagePurpose.Transactional"/>
    /// goes. DND refuses both.
    /// </param>
    public async Task<SendResult> SendAsync(ContactRecord contact, Channel channel, string? subject, string body, string? workflowInstanceId,
        Sender sender, int? capPerHour = null, string purpose = MessagePurpose.Marketing, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var message = new MessageRecord
        {
            Id = RowIds.New(),
            AccountId = contact.AccountId,
            ContactId = contact.Id,
            Channel = channel.ToWire(),
            Direction = "outbound",
            Status = MessageStatus.Queued,
            WorkflowInstanceId = workflowInstanceId,
            Purpose = purpose,
            CreatedAt = now,
            TraceParent = TraceParents.Current,
        };
        var blocked = Reachability.BlockedReason(contact, channel) ?? (capPerHour is { } cap ? await OverCapAsync(contact, channel, cap, now, ct) : null);
        if (blocked is not null)
        {
            message.Status = MessageStatus.Skipped;
            message.Body = blocked;
            message.StatusReason = blocked;
            rows.Add(message);
            return new SendResult(message, blocked);
        }
        var composed = await ComposeAsync(contact, channel, subject, body, sender, new UnsubscribeClaim(contact.AccountId, contact.Id, message.Id), ct);
        message.Body = composed.Body;
        message.Subject = composed.Subject;
        message.HeadersJson = JsonSerializer.Serialize(composed.Headers);
        // A disconnected integration holds every purpose: nothing can leave on the channel until it is connected again.
        if ((Reachability.HeldReason(contact, channel, purpose) ?? sender.Integrations.HoldReason(channel)) is { } held)
        {
            message.Status = MessageStatus.Held;
            message.StatusReason = held;
        }
        else if (quietHours.Check(contact, purpose, sender, now) is { } wait)
        {
            (message.NotBefore, message.StatusReason) = (wait.NotBefore, wait.Reason);
        }
        rows.Add(message);
        return new SendResult(message, null);
    }

    /// <summary>
    /// The message exactly as it leaves: the body and subject rendered for the contact, with the account's compliance
    /// texts (its SMS opt-out text when its rule says so: every message, the first to the contact, or never).
    /// </summary>
    public async Task<ComposedMessage> ComposeAsync(ContactRecord contact, Channel channel, string? subject, string body, Sender sender,
        UnsubscribeClaim claim, CancellationToken ct)
    {
        var texts = sender.Texts;
        var optOut = channel == Channel.Sms && texts.SmsOptOutWhen switch
        {
            SmsOptOutWhen.Never => false,
            SmsOptOutWhen.FirstMessage => await rows.CountOutboundSinceAsync(contact.AccountId, contact.Id, channel.ToWire(), DateTimeOffset.MinValue, ct) == 0,
            _ => true,
        };
        var link = composer.UnsubscribeLinkFor(channel, claim);
        string Render(string text) => templates.Render(text, contact, account: sender.Account, unsubscribeLink: link);
        var compliance = new RenderedCompliance(optOut ? Render(texts.SmsOptOutText) : null,
            channel == Channel.Email ? Render(texts.UnsubscribeLinkText) : "", channel == Channel.Email ? Render(texts.EmailFooter) : "");
        return composer.Compose(channel, Render(body), subject is null ? null : Render(subject), claim, compliance);
    }

    private async Task<string?> OverCapAsync(ContactRecord contact, Channel channel, int cap, DateTimeOffset now, CancellationToken ct)
    {
        var wire = channel.ToWire();
        var sent = await rows.CountOutboundSinceAsync(contact.AccountId, contact.Id, wire, now.AddHours(-1), ct);
        return sent >= cap ? $"send cap reached: {sent} {wire} messages to this contact in the last hour (the account allows {cap})" : null;
    }
}
