using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("UserCannotLiftPermanent"), Priority(90)]
[Description("Denied: permanent DND is the contact's own opt-out, whoever reported it (a keyword, the carrier, a user recording it); only the contact's own opt-in lifts it, or a user who records proof of consent")]
public sealed class UserCannotLiftPermanent : Rule
{
    private const string Reason = "permanent DND is the contact's own opt-out, whoever reported it (a keyword, the carrier, a user recording it); only the contact's own opt-in lifts it, or a user who records proof of consent (how it was given, when, the evidence)";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && (x.Request.Actor == Actor.User || x.Request.Actor == Actor.Workflow) && x.Request.Current == DndStatus.Permanent);
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
