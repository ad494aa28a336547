using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("CarrierBlockIsLiftedOnlyOnTheChannel"), Priority(55)]
[Description("Denied: the carrier blocks this number for the sender until the contact texts START to it; a web page cannot lift that")]
public sealed class CarrierBlockIsLiftedOnlyOnTheChannel : Rule
{
    private const string Reason = "the carrier blocks this number for the sender until the contact texts START to it; a web page cannot lift that";

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.ViaLink && DndCodes.CarrierBlocks.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Denied, Reason));
    }
}
