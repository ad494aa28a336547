using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Delivery;

/// <summary>A claimed message as a provider is handed it: who it goes to, what it says, and how it finds its way back to us.</summary>
/// <param name="To">The contact's address on the channel (E.164, or the e-mail address).</param>
/// <param name="SenderName">The business the contact knows, for an e-mail's From.</param>
/// <param name="StatusCallbackUrl">Where the provider reports delivery (Twilio's StatusCallback), so its statuses and error codes reach the DND rules.</param>
public sealed record OutboundLetter(string MessageId, string AccountId, Channel Channel, string To, string? Subject, string Body,
    IReadOnlyDictionary<string, string> Headers, string SenderName, string StatusCallbackUrl, DateTimeOffset? ClaimedAt)
{
    public static OutboundLetter From(MessageRecord message, string to, string senderName, string statusCallbackUrl) => new(message.Id,
        message.AccountId, ChannelNames.Parse(message.Channel), to, message.Subject, message.Body,
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.HeadersJson) ?? [], senderName, statusCallbackUrl, message.ClaimedAt);
}
