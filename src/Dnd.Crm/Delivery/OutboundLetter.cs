using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Delivery;

/// <summary>A claimed message as a provider is handed it: who it goes to, what it says, and how it finds its way back to us.</summary>
/// <param name="To">The contact's address on the channel (E.164, the e-mail address, or on FB their newest page-scoped id; "" when they have none).</param>
/// <param name="SenderName">The business the contact knows, for an e-mail's From.</param>
/// <param name="StatusCallbackUrl">Where the provider reports delivery (Twilio's StatusCallback), so its statuses and error codes reach the DND rules.</param>
public sealed record OutboundLetter(string MessageId, string AccountId, Channel Channel, string To, string? Subject, string Body,
    IReadOnlyDictionary<string, string> Headers, string SenderName, string StatusCallbackUrl, DateTimeOffset? ClaimedAt)
{
    /// <summary>The message to its contact's address on its channel, from the account, reporting to this server's status webhook.</summary>
    /// <param name="scopedIds">Contacts' page-scoped ids (<see cref="Contacts.InboundContacts.ScopedIdsAsync"/>), the address of an FB message.</param>
    public static OutboundLetter For(MessageRecord message, ContactRecord contact, Consent.Sender sender, string publicBaseUrl,
        IReadOnlyDictionary<string, string> scopedIds)
    {
        var channel = ChannelNames.Parse(message.Channel);
        var to = channel == Channel.Fb ? scopedIds.GetValueOrDefault(contact.Id) : contact.Address(channel.Address());
        return new(message.Id, message.AccountId, channel, to ?? "", message.Subject, message.Body,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(message.HeadersJson) ?? [], sender.Account.BusinessName,
            $"{publicBaseUrl.TrimEnd('/')}/webhooks/twilio/{Uri.EscapeDataString(message.AccountId)}/status", message.ClaimedAt);
    }
}
