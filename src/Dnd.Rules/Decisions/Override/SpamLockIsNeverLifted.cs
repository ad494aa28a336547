using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("SpamLockIsNeverLifted"), Priority(130)]
[Description("Denied: a spam complaint locks email DND for good; nobody can lift it")]
public sealed class SpamLockIsNeverLifted : Rule
{
    private const string Reason = "a spam complaint locks email DND for good; nobody can lift it";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.CurrentSpamLock);
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
