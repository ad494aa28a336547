using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.PreferenceCenter;

[Name("PreferenceCenterChannelOn"), Priority(10)]
[Description("The contact turned a channel back on on the preference center (e-mail once confirmed from the address): their own opt-in, which the override rules weigh like START")]
public sealed class PreferenceCenterChannelOn : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Lift(ClassifierOutcome.EventChannels, "Contact turned this channel back on on the preference center");

    public override void Define()
    {
        EventDecision<PreferenceCenterFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.On && !x.Facts.Everything && (!x.Facts.Email || x.Facts.Confirmed));
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
