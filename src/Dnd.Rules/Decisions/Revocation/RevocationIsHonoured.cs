using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Revocation;

[Name("RevocationIsHonoured"), Priority(10)]
[Description("A revocation staff recorded, by any reasonable means (a confirmed message, a call, an e-mail, a letter): permanent DND on its channels, the contact's own opt-out")]
public sealed class RevocationIsHonoured : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, DndCodes.Revocation, "The contact revoked consent; any reasonable means counts");

    public override void Define()
    {
        EventDecision<RevocationFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Method.Length > 0);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
