using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundOptOutKeyword"), Priority(20)]
[Description("A lone opt-out keyword of the account on a keyword channel: permanent DND on that channel")]
public sealed class InboundOptOutKeyword : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, "keyword_opt_out", "Contact replied with an opt-out keyword");

    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.KeywordChannel && x.Facts.Keyword == KeywordKind.OptOut);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
