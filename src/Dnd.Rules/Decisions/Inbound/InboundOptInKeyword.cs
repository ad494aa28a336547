using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundOptInKeyword"), Priority(10)]
[Description("A lone opt-in keyword of the account on a keyword channel: the contact lifts their own opt-out there")]
public sealed class InboundOptInKeyword : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Lift(ClassifierOutcome.EventChannels, "Contact replied with an opt-in keyword");

    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.KeywordChannel && x.Facts.Keyword == KeywordKind.OptIn);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
