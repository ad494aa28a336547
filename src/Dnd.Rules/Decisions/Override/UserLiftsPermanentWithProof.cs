using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("UserLiftsPermanentWithProof"), Priority(95)]
[Description("Applied: a user lifts permanent DND on recorded proof of the contact's consent (how, when, the evidence, who recorded it)")]
public sealed class UserLiftsPermanentWithProof : Rule
{
    private const string Reason = "a user recorded proof of the contact's consent (how, when, the evidence, who recorded it), which lifts a permanent DND";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.User && x.Request.Current == DndStatus.Permanent
                                         && x.Request.WithProof);
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
