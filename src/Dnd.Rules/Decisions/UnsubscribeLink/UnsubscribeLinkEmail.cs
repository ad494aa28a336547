using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UnsubscribeLink;

[Name("UnsubscribeLinkEmail"), Priority(10)]
[Description("The unsubscribe link: permanent email DND")]
public sealed class UnsubscribeLinkEmail : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, "Email", "email_unsubscribe", "Contact used the email unsubscribe link");

    public override void Define()
    {
        EventDecision<UnsubscribeLinkFacts> evt = default!;
        When().Match(() => evt);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
