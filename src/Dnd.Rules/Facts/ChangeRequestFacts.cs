namespace Dnd.Rules.Facts;

/// <param name="Actor">Provider, Contact, User, Form or Workflow.</param>
/// <param name="Kind">Set or Lift.</param>
/// <param name="Target">Requested status for Set: Active or Permanent.</param>
/// <param name="Current">Current status: Inactive, Active or Permanent.</param>
/// <param name="CurrentCode">Code of the current DND, empty when none.</param>
public sealed record ChangeRequestFacts(
    string Actor,
    string Kind,
    string Channel,
    string Target,
    bool TargetSpamLock,
    string Current,
    string CurrentCode,
    bool CurrentSpamLock);
