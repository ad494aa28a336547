using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("SpamLockOverridesAnyDnd"), Priority(110)]
[Description("Applied: a spam complaint locks email whatever DND it had")]
public sealed class SpamLockOverridesAnyDnd : Rule
{
    private const string Reason = "a spam complaint locks email whatever DND it had";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Set && x.Request.TargetSpamLock);
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
