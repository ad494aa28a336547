using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;

namespace Dnd.Crm.Consent;

/// <summary>Whether a contact can be messaged on a channel right now, and if not, why, in words for the outbox and the API.</summary>
public static class Reachability
{
    /// <returns>Null when the channel is open; otherwise the reason.</returns>
    public static string? BlockedReason(ContactRecord contact, Channel channel)
    {
        var state = ContactConsentMapping.ToDomain(contact)[channel];
        if (state.Blocks)
        {
            var why = state.Message ?? state.Code ?? "no reason recorded";
            return $"{channel.ToWire()} DND is {state.Status.ToString().ToLowerInvariant()} ({state.Code ?? "none"}): {why}";
        }
        var kind = channel.Address();
        return kind != AddressKind.None && string.IsNullOrWhiteSpace(contact.Address(kind))
            ? $"contact has no {(kind == AddressKind.Email ? "email address" : "phone number")}"
            : null;
    }

    /// <returns>Why a message of this purpose waits rather than leaves (a marketing one, while a possible opt-out is reviewed), or null.</returns>
    public static string? HeldReason(ContactRecord contact, Channel channel, string purpose) =>
        purpose == MessagePurpose.Marketing && contact.IsHeld(channel.ToWire()) ? HeldForReview(channel.ToWire()) : null;

    public static string HeldForReview(string channel) => $"held: a possible opt-out on {channel} waits for staff review; marketing waits with it";
}
