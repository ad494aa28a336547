using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UnsubscribeLink;

[Name("UnsubscribeLinkEverything"), Priority(30)]
[Description("\"Stop everything\" on an unsubscribe link's page: DND on every channel, each of which a user may then adjust on its own")]
public sealed class UnsubscribeLinkEverything : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Active, ClassifierOutcome.AllChannels, DndCodes.LinkUnsubscribeAll, "Contact asked to stop every channel through an unsubscribe link");

    public override void Define()
    {
        EventDecision<UnsubscribeLinkFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Everything);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
