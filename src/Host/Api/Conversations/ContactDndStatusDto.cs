using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Conversations;

/// <summary>
/// The contact's DND where its messages are shown: "on" (no outbound message on any channel, automatic or manual),
/// "off", or "partial" with the blocked channels listed, each with the reason a send there is refused.
/// </summary>
public sealed record ContactDndStatusDto(string Status, IReadOnlyList<BlockedChannelDto> BlockedChannels)
{
    public static ContactDndStatusDto From(ContactRecord contact)
    {
        var consent = ContactConsentMapping.ToDomain(contact);
        var blocked = ChannelNames.All.Where(c => consent[c].Blocks)
            .Select(c => new BlockedChannelDto(c.ToWire(), consent[c].Status.ToWire(), consent[c].Code ?? "", Reachability.BlockedReason(contact, c)!))
            .ToList();
        return new(consent.Aggregate.ToString().ToLowerInvariant(), blocked);
    }
}

/// <param name="Reason">Why a send on the channel is refused, as the send API's 422 says it.</param>
public sealed record BlockedChannelDto(string Channel, string Status, string Code, string Reason);
