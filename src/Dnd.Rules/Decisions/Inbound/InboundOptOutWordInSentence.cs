using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundOptOutWordInSentence"), Priority(5)]
[Description("An opt-out word inside a sentence that matched no clear phrase and no guard (\"I quit\", \"cancel everything\"): " +
             "it may or may not mean stop, so staff review it; nothing changed")]
public sealed class InboundOptOutWordInSentence : Rule
{
    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.TextChannel && x.Facts.OptOut.Signal == OptOutSignal.KeywordInSentence);
        Then().Do(ctx => evt.Decide(ctx, ClassifierOutcome.Review(DndCodes.PossibleOptOut,
            $"Possible opt-out: the opt-out word {evt.Facts.OptOut.Quote()} inside a sentence that is not a known opt-out phrase")));
    }
}
