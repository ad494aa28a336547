using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UnsubscribeLink;

[Name("UnsubscribeLinkEmail"), Priority(10)]
[Description("The unsubscribe link: email DND the contact chose, which a user may lift saying why, or the contact's consent on a form")]
public sealed class UnsubscribeLinkEmail : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Active, "Email", DndCodes.EmailUnsubscribe, "Contact used the email unsubscribe link");

    public override void Define()
    {
        EventDecision<UnsubscribeLinkFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.LinkChannel == Channel.Email);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
