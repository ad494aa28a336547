using System.Text.Json;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Erasure;

/// <summary>
/// A ledger line with its personal data taken out: the decision (event kind, actor kind, channel, verdict, before,
/// after, rules, time) stays; the address, the message text in the explanation, what named the contact or their
/// device, and a proof's evidence go.
/// </summary>
public static class ErasedLedger
{
    public const string Marker = "[erased]";

    public static void Scrub(LedgerRecord line)
    {
        // An event reads "kind detail" (e.g. "address.consent +15550100"): the kind is ours, the detail may be theirs.
        line.Event = line.Event.Split(' ', 2)[0];
        line.Explanation = $"{Marker} {line.Channel ?? "-"} {line.Before ?? "-"}→{line.After ?? "-"}: {line.Rule}";
        // A user's or API key's name is the business's, not the contact's: who decided stays.
        line.ActedBy = line.Actor == nameof(Actor.User) || line.ActedBy is null ? line.ActedBy : Marker;
        line.ClientIp = null;
        if (ContactConsentMapping.ProofOf(line) is { } proof)
        {
            line.ProofJson = JsonSerializer.Serialize(proof with { Evidence = Marker }, AccountSettingsJson.Options);
        }
    }
}
