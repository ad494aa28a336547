using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Templates;

namespace Dnd.Workflows.Messaging;

/// <summary>
/// The one way out for every outbound message, API or workflow: checks DND on the contact's current row at send
/// time, renders the template, adds footer or unsubscribe headers, and records the message (or the skip) in the
/// outbox. Delivery to Twilio/Mailgun reads from the outbox; nothing here talks to a provider.
/// </summary>
public sealed class OutboundMessenger(DndDbContext db, TemplateRenderer templates, MessageComposer composer, TimeProvider clock)
{
    public const string StatusQueued = "queued";
    public const string StatusSkipped = "skipped";

    /// <summary>Stages the message on the context; the caller saves (so a workflow step commits it with its advance).</summary>
    public SendResult Send(ContactRecord contact, Channel channel, string? subject, string body, string? workflowInstanceId)
    {
        var message = new MessageRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            AccountId = contact.AccountId,
            ContactId = contact.Id,
            Channel = channel.ToWire(),
            Direction = "outbound",
            Status = StatusQueued,
            WorkflowInstanceId = workflowInstanceId,
            CreatedAt = clock.GetUtcNow(),
        };
        var blocked = BlockedReason(contact, channel);
        if (blocked is not null)
        {
            message.Status = StatusSkipped;
            message.Body = blocked;
            db.Messages.Add(message);
            return new SendResult(message, blocked);
        }
        var rendered = templates.Render(body, contact);
        var renderedSubject = subject is null ? null : templates.Render(subject, contact);
        var composed = composer.Compose(channel, rendered, renderedSubject, new UnsubscribeClaim(contact.AccountId, contact.Id, message.Id));
        message.Body = composed.Body;
        message.Subject = composed.Subject;
        message.HeadersJson = JsonSerializer.Serialize(composed.Headers);
        db.Messages.Add(message);
        return new SendResult(message, null);
    }

    public static string? BlockedReason(ContactRecord contact, Channel channel)
    {
        var state = ContactConsentMapping.ToDomain(contact)[channel];
        if (state.Blocks)
        {
            var why = state.Message ?? state.Code ?? "no reason recorded";
            return $"{channel.ToWire()} DND is {state.Status.ToString().ToLowerInvariant()} ({state.Code ?? "none"}): {why}";
        }
        var address = channel switch
        {
            Channel.Email => contact.Email,
            Channel.Sms or Channel.Call or Channel.WhatsApp => contact.Phone,
            _ => "n/a",
        };
        return string.IsNullOrWhiteSpace(address) ? $"contact has no {(channel == Channel.Email ? "email address" : "phone number")}" : null;
    }
}
