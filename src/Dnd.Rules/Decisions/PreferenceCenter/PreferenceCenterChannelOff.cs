using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.PreferenceCenter;

[Name("PreferenceCenterChannelOff"), Priority(5)]
[Description("The contact turned a channel off on the preference center: permanent DND there, their own opt-out (their own opt-in lifts it)")]
public sealed class PreferenceCenterChannelOff : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, DndCodes.PreferenceOptOut, "Contact turned this channel off on the preference center");

    public override void Define()
    {
        EventDecision<PreferenceCenterFacts> evt = default!;
        When().Match(() => evt, x => !x.Facts.On && !x.Facts.Everything);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
