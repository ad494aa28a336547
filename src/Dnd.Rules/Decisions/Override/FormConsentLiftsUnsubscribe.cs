using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("FormConsentLiftsUnsubscribe"), Priority(70)]
[Description("Applied: explicit form consent re-subscribes what an unsubscribe turned off")]
public sealed class FormConsentLiftsUnsubscribe : Rule
{
    private const string Reason = "explicit form consent re-subscribes what an unsubscribe turned off";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Form && DndCodes.Unsubscribes.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
