using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundPossibleOptOutPhrase"), Priority(6)]
[Description("Wording that may be an opt-out (\"not interested\", \"wrong number\", \"no me interesa\") and no clear one: queued for staff to review, nothing changed")]
public sealed class InboundPossibleOptOutPhrase : Rule
{
    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.TextChannel && x.Facts.OptOut.Signal == OptOutSignal.Possible);
        Then().Do(ctx => evt.Decide(ctx, ClassifierOutcome.Review(DndCodes.PossibleOptOut,
            $"Possible opt-out: the message says {evt.Facts.OptOut.Quote()}")));
    }
}
