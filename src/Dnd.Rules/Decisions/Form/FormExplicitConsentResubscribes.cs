using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Form;

[Name("FormExplicitConsentResubscribes"), Priority(20)]
[Description("A form submitted with the consent box ticked asks to lift DND on every channel (the override rules let it lift only unsubscribes)")]
public sealed class FormExplicitConsentResubscribes : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Lift(ClassifierOutcome.AllChannels, "Contact gave explicit consent on a form");

    public override void Define()
    {
        EventDecision<FormSubmissionFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.ExplicitConsent);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
