using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("ContactLinkLiftsOwnUnsubscribe"), Priority(51)]
[Description("Applied: the contact re-subscribes, through their own signed link, what their unsubscribe turned off")]
public sealed class ContactLinkLiftsOwnUnsubscribe : Rule
{
    private const string Reason = "the contact re-subscribed, through their own signed link, what their unsubscribe turned off";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Contact && x.Request.ViaLink
                                         && DndCodes.Unsubscribes.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
