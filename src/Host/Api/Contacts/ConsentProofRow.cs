using CsvHelper;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Contacts;

/// <summary>One recorded proof of consent with the ledger line it decided: a row of the proofs export.</summary>
/// <param name="Verdict">What the lift it came with did: Applied, or Denied (a spam lock, which no proof lifts).</param>
[CsvRecord]
public sealed partial record ConsentProofRow(
    string? ContactId,
    string? Channel,
    long Sequence,
    DateTimeOffset At,
    string Verdict,
    string? PolicyRule,
    string Method,
    DateTimeOffset GivenAt,
    string Evidence,
    string RecordedBy,
    string? ActedBy,
    string? ClientIp)
{
    public static ConsentProofRow From(LedgerRecord r)
    {
        var proof = ContactConsentMapping.ProofOf(r)!;
        return new(r.ContactId, r.Channel, r.Sequence, r.At, r.Verdict, r.PolicyRule, proof.Method.ToWire(), proof.GivenAt, proof.Evidence,
            proof.RecordedBy, r.ActedBy, r.ClientIp);
    }
}
