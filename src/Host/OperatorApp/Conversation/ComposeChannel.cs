using Dnd.Crm.Consent;
using Dnd.Host.OperatorApp.ContactScreen;
using Dnd.Rules.Consent;
using ContactRow = Dnd.Crm.Persistence.ContactRecord;

namespace Dnd.Host.OperatorApp.ConversationScreen;

/// <summary>A channel in the compose box's select: disabled, with the reason, when a send there would be refused.</summary>
/// <param name="BlockedReason">The send path's own refusal (<see cref="Reachability.BlockedReason"/>); null when open.</param>
public sealed record ComposeChannel(Channel Channel, string Label, string? BlockedReason)
{
    public bool Blocked => BlockedReason is not null;

    /// <summary>What the option reads: "SMS", or "SMS — SMS DND is permanent (…): …" when blocked.</summary>
    public string Text => Blocked ? $"{Label} — {BlockedReason}" : Label;

    /// <summary>Every channel the product has (<see cref="ChannelNames.All"/>), judged on the contact as it is now.</summary>
    public static IReadOnlyList<ComposeChannel> For(ContactRow contact) =>
        ChannelNames.All.Select(c => new ComposeChannel(c, DndChannels.Singular(c), Reachability.BlockedReason(contact, c))).ToList();
}
