using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// One consent ledger line as the API shows it (the stored record's fields, under the names clients already read),
/// so the storage can change without changing the API.
/// </summary>
/// <param name="ContactId">The contact whose line it is; null for an address's own line.</param>
/// <param name="Address">The address of an address's own line; null on a contact's line.</param>
/// <param name="Before">The channel's status before: Inactive, Active or Permanent; null when nothing was asked of a channel.</param>
/// <param name="PolicyRule">The override rule that allowed or refused the change; null when nothing was requested.</param>
/// <param name="FiredRules">Every rule that fired, in firing order: the classifier's, then the override policy's (the first of each decided).</param>
/// <param name="ActedBy">Exactly who or what acted: an API key's name and id, a workflow's id, version and step, a provider's event id.</param>
/// <param name="ClientIp">The caller's IP address, for what came over HTTP (the API, links, forms, webhooks).</param>
/// <param name="Proof">The proof of consent a user recorded with the change, on the lines it decided.</param>
public sealed record LedgerEntryDto(
    long Id,
    string AccountId,
    string? ContactId,
    string? Address,
    long Sequence,
    DateTimeOffset At,
    string Event,
    string Actor,
    string? Channel,
    string Verdict,
    string? Before,
    string? After,
    string Rule,
    string? PolicyRule,
    string Explanation,
    IReadOnlyList<string> FiredRules,
    string? ActedBy,
    string? ClientIp,
    ConsentProofDto? Proof)
{
    public static LedgerEntryDto From(LedgerRecord r) => new(r.Id, r.AccountId, r.ContactId, r.Address, r.Sequence, r.At, r.Event, r.Actor,
        r.Channel, r.Verdict, r.Before, r.After, r.Rule, r.PolicyRule, r.Explanation,
        r.FiredRules?.Split(',') ?? [], r.ActedBy, r.ClientIp, ConsentProofDto.From(r));
}
