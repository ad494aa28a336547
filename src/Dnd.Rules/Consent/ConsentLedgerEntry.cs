namespace Dnd.Rules.Consent;

/// <summary>One immutable line of a contact's consent history: what was asked, what was decided, and why.</summary>
/// <param name="Rule">The rule that turned the event into a requested change.</param>
/// <param name="PolicyRule">The override rule that allowed or refused it; null when nothing was requested.</param>
/// <param name="FiredRules">
/// Every rule that fired on the decision, in firing order (NRules' RuleFiredEvent): the classifier's, then the override
/// policy's. The first of each group decided; empty for lines no rule made (inbound DND, adopted address consent).
/// </param>
/// <param name="Proof">The proof of consent a user recorded with the event, kept with each line it decided.</param>
/// <param name="ActedBy">Exactly who or what acted (<see cref="Events.ConsentEvent.ActedBy"/>).</param>
/// <param name="ClientIp">The client's IP address, when the event came over HTTP.</param>
public sealed record ConsentLedgerEntry(
    long Sequence,
    DateTimeOffset At,
    string Event,
    Actor Actor,
    Channel? Channel,
    Verdict Verdict,
    DndStatus? Before,
    DndStatus? After,
    string Rule,
    string? PolicyRule,
    string Explanation,
    IReadOnlyList<string>? FiredRules = null,
    ConsentProof? Proof = null,
    string? ActedBy = null,
    string? ClientIp = null);
