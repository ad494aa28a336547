using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("FormLiftsOnlyUnsubscribe"), Priority(60)]
[Description("Denied: a form re-subscribes only an unsubscribe, not bounces, user DND, carrier blocks or keyword opt-outs")]
public sealed class FormLiftsOnlyUnsubscribe : Rule
{
    private const string Reason = "a form re-subscribes only an unsubscribe, not bounces, user DND, carrier blocks or keyword opt-outs";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Form);
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
