namespace Dnd.Crm.Persistence;

/// <summary>
/// A stored consent ledger line, of a contact (ContactId) or of an address (Address, no contact). Each subject's
/// sequence is unique, so no line is written twice and a gap shows.
/// </summary>
public sealed class LedgerRecord
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public string? ContactId { get; set; }
    public string? Address { get; set; }
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Event { get; set; }
    public required string Actor { get; set; }
    public string? Channel { get; set; }
    public required string Verdict { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public required string Rule { get; set; }
    public string? PolicyRule { get; set; }
    public required string Explanation { get; set; }

    /// <summary>Every rule that fired for this line, in firing order, comma-separated (rule names hold no commas); null when none did.</summary>
    public string? FiredRules { get; set; }

    /// <summary>The proof of consent a user recorded with the event, as JSON (method, givenAt, evidence, recordedBy); null without one.</summary>
    public string? ProofJson { get; set; }

    /// <summary>Exactly who or what acted: an API key's name and id, a workflow's id, version and step, a provider's event id.</summary>
    public string? ActedBy { get; set; }

    /// <summary>The client's IP address, for events that came over HTTP (the API, links, forms, webhooks).</summary>
    public string? ClientIp { get; set; }
}
