using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("WorkflowCannotLiftUnsubscribe"), Priority(87)]
[Description("Denied: an unsubscribe is the contact's own choice; a workflow does not undo it (a user may, saying why, or the contact's consent on a form)")]
public sealed class WorkflowCannotLiftUnsubscribe : Rule
{
    private const string Reason = "an unsubscribe is the contact's own choice; a workflow does not undo it (a user may, saying why, or the contact's consent on a form)";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Workflow && DndCodes.Unsubscribes.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
