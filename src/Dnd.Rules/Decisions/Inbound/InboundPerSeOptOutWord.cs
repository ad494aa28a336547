using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundPerSeOptOutWord"), Priority(16)]
[Description("A sentence that is an opt-out word alone, however written (\"Stop!! 🛑\", \"stpo\", \"unsuscribe\", \"baja por favor\"), on any inbound text channel: " +
             "permanent DND on that channel. The FCC rule (47 CFR 64.1200(a)(12)) makes stop, quit, end, revoke, opt out, cancel and unsubscribe " +
             "a revocation per se, so this holds whatever the account's keyword channels; a lone keyword on a keyword channel is InboundOptOutKeyword's first")]
public sealed class InboundPerSeOptOutWord : Rule
{
    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.TextChannel && x.Facts.OptOut.Signal == OptOutSignal.Keyword);
        Then().Do(ctx => evt.Decide(ctx, ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, DndCodes.PhraseOptOut,
            $"Contact replied with the opt-out word {evt.Facts.OptOut.Quote()}")));
    }
}
