using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("StrengtheningIsAlwaysAllowed"), Priority(10)]
[Description("Applied: turning DND on or making it stricter is always allowed")]
public sealed class StrengtheningIsAlwaysAllowed : Rule
{
    private const string Reason = "turning DND on or making it stricter is always allowed";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Set);
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
