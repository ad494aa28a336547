using Dnd.Rules.Consent;

namespace Dnd.Rules.Policy;

/// <summary>One channel's requested change, with the state it would replace.</summary>
/// <param name="SpamLock">Whether the requested Set is a spam lock.</param>
public sealed record ChangeRequest(Actor Actor, ChangeKind Kind, Channel Channel, DndStatus Target, bool SpamLock, ChannelDnd Current);
