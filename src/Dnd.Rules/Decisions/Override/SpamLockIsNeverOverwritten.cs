using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("SpamLockIsNeverOverwritten"), Priority(120)]
[Description("Unchanged: the spam lock stays as it is")]
public sealed class SpamLockIsNeverOverwritten : Rule
{
    private const string Reason = "the spam lock stays as it is";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Set && x.Request.CurrentSpamLock);
        Then().Do(ctx => request.Decide(ctx, Verdict.Unchanged, Reason));
    }
}
