using Dnd.Rules.Consent;

namespace Dnd.Rules.Policy;

/// <summary>One channel's requested change, with the state it would replace.</summary>
/// <param name="SpamLock">Whether the requested Set is a spam lock.</param>
/// <param name="WithProof">The event carries a user's recorded proof of the contact's consent.</param>
/// <param name="WithReason">The event carries its actor's note saying why.</param>
/// <param name="ViaLink">The contact acted through a signed web link, not on the channel (<see cref="Events.ConsentEvent.ViaLink"/>).</param>
public sealed record ChangeRequest(Actor Actor, ChangeKind Kind, Channel Channel, DndStatus Target, bool SpamLock, ChannelDnd Current,
    bool WithProof = false, bool WithReason = false, bool ViaLink = false);
