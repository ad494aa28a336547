using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.PreferenceCenter;

[Name("PreferenceCenterStopEverything"), Priority(30)]
[Description("\"Stop everything\" on the preference center: permanent DND on every channel, the contact's own opt-out")]
public sealed class PreferenceCenterStopEverything : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.AllChannels, DndCodes.PreferenceOptOut, "Contact stopped every channel on the preference center");

    public override void Define()
    {
        EventDecision<PreferenceCenterFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Everything);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
