using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UserChange;

[Name("UserEnablesDnd"), Priority(20)]
[Description("A user turns DND on: active, which a user may lift again")]
public sealed class UserEnablesDnd : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Active, ClassifierOutcome.EventChannels, "user", "DND turned on by a user");

    public override void Define()
    {
        EventDecision<UserDndChangeFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Enable);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
