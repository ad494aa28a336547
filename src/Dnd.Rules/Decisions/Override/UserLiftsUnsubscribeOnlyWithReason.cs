using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("UserLiftsUnsubscribeOnlyWithReason"), Priority(86)]
[Description("Denied: lifting the contact's own unsubscribe needs the user's reason (the change's message) or a proof of the contact's consent, kept on the ledger line")]
public sealed class UserLiftsUnsubscribeOnlyWithReason : Rule
{
    private const string Reason = "lifting the contact's own unsubscribe needs the user's reason (the change's message) or a proof of the contact's consent, kept on the ledger line";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.User && DndCodes.Unsubscribes.Contains(x.Request.CurrentCode)
                                         && !x.Request.WithReason && !x.Request.WithProof);
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
