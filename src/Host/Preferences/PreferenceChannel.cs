using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;
using Dnd.Rules.Policy;

namespace Dnd.Host.Preferences;

/// <summary>
/// A channel as the preference center shows it: its DND and, when blocked, the override rules' answer to the contact
/// lifting it from this page (asked, not applied), so the page offers "turn on" only where the rules would allow it.
/// </summary>
public sealed record PreferenceChannel(Channel Channel, ChannelDnd State, Judgement? Lift)
{
    public bool Liftable => Lift?.Verdict == Verdict.Applied;

    /// <summary>The contact lifting the channel from a signed link, as the override rules see it.</summary>
    public static ChangeRequest LiftRequest(Channel channel, ChannelDnd state) =>
        new(Actor.Contact, ChangeKind.Lift, channel, DndStatus.Inactive, false, state, ViaLink: true);

    /// <summary>The channels the contact has an address for, in the channel list's order.</summary>
    public static async Task<IReadOnlyList<PreferenceChannel>> ListAsync(ContactRecord contact, IDndPolicy policy)
    {
        var consent = ContactConsentMapping.ToDomain(contact);
        var list = new List<PreferenceChannel>();
        foreach (var channel in ChannelNames.All.Where(c => c.Address() != AddressKind.None && !string.IsNullOrWhiteSpace(contact.Address(c.Address()))))
        {
            var state = consent[channel];
            list.Add(new PreferenceChannel(channel, state, state.Blocks ? await policy.JudgeAsync(LiftRequest(channel, state)) : null));
        }
        return list;
    }
}
