using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundClearOptOutPhrase"), Priority(15)]
[Description("The contact asked to stop in their own words (\"please stop texting me\", \"remove me from your list\", \"dejen de escribirme\"), " +
             "outside any guard phrase, on any inbound text channel, in reply or not: permanent DND on that channel, as a keyword (consent is revocable by any reasonable means)")]
public sealed class InboundClearOptOutPhrase : Rule
{
    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.TextChannel && x.Facts.OptOut.Signal == OptOutSignal.Clear);
        Then().Do(ctx => evt.Decide(ctx, ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, DndCodes.PhraseOptOut,
            $"Contact asked to stop: clear opt-out phrase {evt.Facts.OptOut.Quote()}")));
    }
}
