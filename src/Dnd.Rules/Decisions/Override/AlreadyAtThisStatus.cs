using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("AlreadyAtThisStatus"), Priority(20)]
[Description("Unchanged: DND is already at this status; the original reason is kept")]
public sealed class AlreadyAtThisStatus : Rule
{
    private const string Reason = "DND is already at this status; the original reason is kept";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Set && x.Request.Current == x.Request.Target);
        Then().Do(ctx => request.Decide(ctx, Verdict.Unchanged, Reason));
    }
}
