using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("ContactOptInLiftsOwnOptOut"), Priority(50)]
[Description("Applied: the contact opted back in to what they had opted out of, by keyword or carrier or as a user recorded it")]
public sealed class ContactOptInLiftsOwnOptOut : Rule
{
    private const string Reason = "the contact opted back in to what they had opted out of, by keyword or carrier or as a user recorded it";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Contact && DndCodes.ContactOptOuts.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
