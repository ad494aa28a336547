using Dnd.Crm.Persistence;
using Dnd.Crm.Consent;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>The proof of consent kept on a ledger line: how and when the contact consented, the evidence, who recorded it.</summary>
public sealed record ConsentProofDto(string Method, DateTimeOffset GivenAt, string Evidence, string RecordedBy)
{
    public static ConsentProofDto? From(LedgerRecord line) =>
        ContactConsentMapping.ProofOf(line) is { } p ? new ConsentProofDto(p.Method.ToWire(), p.GivenAt, p.Evidence, p.RecordedBy) : null;
}
