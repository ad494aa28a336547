using Dnd.Shared.Ids;
using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;

namespace Dnd.Crm.Messaging;

/// <summary>
/// The one way in to the outbox for every outbound message, API or workflow: checks DND on the contact's current
/// row at send time, renders the template, adds footer or unsubscribe headers, and records the message (or the
/// skip). Callers run inside the account's write, so a later opt-out finds the queued message and cancels it;
/// the outbox checks consent once more when a message leaves.
/// </summary>
/// <remarks>Stages through <see cref="IConsentRows"/>, so it runs in an EF write or a batch writer job alike.</remarks>
public sealed class OutboundMessenger(IConsentRows rows, TemplateRenderer templates, MessageComposer composer, TimeProvider clock)
{
    /// <summary>Stages the message on the context; the caller saves (so a workflow step commits it with its advance).</summary>
    /// <param name="capPerHour">At most this many messages to the contact on the channel in the last hour (workflow sends).</param>
    public async Task<SendResult> SendAsync(ContactRecord contact, Channel channel, string? subject, string body, string? workflowInstanceId,
        int? capPerHour = null, CancellationToken ct = default)
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
            CreatedAt = now,
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
        var rendered = templates.Render(body, contact);
        var renderedSubject = subject is null ? null : templates.Render(subject, contact);
        var composed = composer.Compose(channel, rendered, renderedSubject, new UnsubscribeClaim(contact.AccountId, contact.Id, message.Id));
        message.Body = composed.Body;
        message.Subject = composed.Subject;
        message.HeadersJson = JsonSerializer.Serialize(composed.Headers);
        rows.Add(message);
        return new SendResult(message, null);
    }

    private async Task<string?> OverCapAsync(ContactRecord contact, Channel channel, int cap, DateTimeOffset now, CancellationToken ct)
    {
        var wire = channel.ToWire();
        var sent = await rows.CountOutboundSinceAsync(contact.AccountId, contact.Id, wire, now.AddHours(-1), ct);
        return sent >= cap ? $"send cap reached: {sent} {wire} messages to this contact in the last hour (the account allows {cap})" : null;
    }
}
