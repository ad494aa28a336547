using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Form;

[Name("FormWithoutConsentChangesNothing"), Priority(10)]
[Description("A form without explicit consent changes no DND")]
public sealed class FormWithoutConsentChangesNothing : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Nothing("Form submitted without the consent box ticked");

    public override void Define()
    {
        EventDecision<FormSubmissionFacts> evt = default!;
        When().Match(() => evt, x => !x.Facts.ExplicitConsent);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
