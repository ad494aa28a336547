using Dnd.Crm.Persistence;

namespace Dnd.Crm.Messaging;

/// <summary>Hands a message that passed its last consent check to a provider (Twilio, Mailgun, SMTP).</summary>
public interface IMessageTransport
{
    /// <exception cref="Exception">Delivery failed; the message stays queued and is tried again.</exception>
    Task DeliverAsync(MessageRecord message, ContactRecord contact, CancellationToken ct);
}
