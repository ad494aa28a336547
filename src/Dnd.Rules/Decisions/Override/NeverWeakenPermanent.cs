using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("NeverWeakenPermanent"), Priority(30)]
[Description("Unchanged: DND is already permanent; a weaker signal does not downgrade it")]
public sealed class NeverWeakenPermanent : Rule
{
    private const string Reason = "DND is already permanent; a weaker signal does not downgrade it";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Set && x.Request.Current == DndStatus.Permanent && x.Request.Target == DndStatus.Active);
        Then().Do(ctx => request.Decide(ctx, Verdict.Unchanged, Reason));
    }
}
