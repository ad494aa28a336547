using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("UserMayLiftActive"), Priority(80)]
[Description("Applied: users may lift DND that is not permanent")]
public sealed class UserMayLiftActive : Rule
{
    private const string Reason = "users may lift DND that is not permanent";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && (x.Request.Actor == Actor.User || x.Request.Actor == Actor.Workflow));
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
