namespace Dnd.Crm.Persistence;

/// <summary>
/// Consent that belongs to an address rather than to a contact record: a phone's SMS, Call and WhatsApp DND, an
/// email's Email DND. Every contact of the account with that address shows it, and it outlives them all, so a
/// deleted and re-created (or duplicated) contact cannot become reachable again.
/// </summary>
public sealed class AddressConsentRecord
{
    public required string AccountId { get; set; }

    /// <summary>E.164 phone or lower-cased email.</summary>
    public required string Address { get; set; }

    /// <summary>The channels' states and reasons as JSON, in the contact row's details shape plus the status.</summary>
    public string StatesJson { get; set; } = "{}";

    /// <summary>Sequence of the address's own ledger (lines with no contact), so it stays gap-free.</summary>
    public long LedgerSequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
