using Dnd.Rules.Consent;

namespace Dnd.Rules.Facts;

/// <summary>What the override rules see of one channel's requested change (value-equal: the memo's key).</summary>
/// <param name="Target">Requested status for a Set: Active or Permanent.</param>
/// <param name="CurrentCode">Code of the current DND, empty when none.</param>
/// <param name="WithProof">A user recorded proof of the contact's consent with the change.</param>
/// <param name="WithReason">The actor said why (the change's note).</param>
/// <param name="ViaLink">The contact acted through a signed web link (the preference center), not on the channel itself.</param>
public sealed record ChangeRequestFacts(
    Actor Actor,
    ChangeKind Kind,
    DndStatus Target,
    bool TargetSpamLock,
    DndStatus Current,
    string CurrentCode,
    bool CurrentSpamLock,
    bool WithProof = false,
    bool WithReason = false,
    bool ViaLink = false);
