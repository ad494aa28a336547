namespace Dnd.Crm.Persistence;

/// <summary>
/// The opt-outs of an address whose contact's personal data was erased, keyed by the address's salted hash (no
/// plaintext): when the address is seen again in the account, its consent is born from this (ConsentStore.AddressAsync).
/// </summary>
public sealed class ErasedAddressRecord
{
    public required string AccountId { get; set; }

    /// <summary><see cref="Erasure.SuppressionHash"/> of the normalized address, lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>The blocked channels as AddressConsentRecord.StatesJson holds them (status, code, source, since; message replaced).</summary>
    public string StatesJson { get; set; } = "{}";

    /// <summary>The address's ledger sequence at erasure: its lines were renamed to the hash, and a reborn address numbers on from here.</summary>
    public long LedgerSequence { get; set; }

    public DateTimeOffset ErasedAt { get; set; }
}
