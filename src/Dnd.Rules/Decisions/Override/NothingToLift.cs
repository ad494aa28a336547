using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("NothingToLift"), Priority(100)]
[Description("Unchanged: DND is already off")]
public sealed class NothingToLift : Rule
{
    private const string Reason = "DND is already off";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Current == DndStatus.Inactive);
        Then().Do(ctx => request.Decide(ctx, Verdict.Unchanged, Reason));
    }
}
