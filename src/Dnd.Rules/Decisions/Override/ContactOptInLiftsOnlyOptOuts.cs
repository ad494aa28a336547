using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("ContactOptInLiftsOnlyOptOuts"), Priority(40)]
[Description("Denied: this DND was not set by the contact's own opt-out, so their opt-in does not lift it")]
public sealed class ContactOptInLiftsOnlyOptOuts : Rule
{
    private const string Reason = "this DND was not set by the contact's own opt-out, so their opt-in does not lift it";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift);
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
