using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.PreferenceCenter;

[Name(RuleName), Priority(20)]
[Description("E-mail back on from the preference center is double opt-in: nothing changes until the contact confirms from the address itself (a confirmation e-mail carries the link)")]
public sealed class PreferenceCenterEmailAwaitsConfirmation : Rule
{
    public const string RuleName = nameof(PreferenceCenterEmailAwaitsConfirmation);

    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Nothing("Contact asked to turn e-mail back on; e-mail stays off until they confirm through the link sent to the address");

    public override void Define()
    {
        EventDecision<PreferenceCenterFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.On && x.Facts.Email && !x.Facts.Confirmed);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
