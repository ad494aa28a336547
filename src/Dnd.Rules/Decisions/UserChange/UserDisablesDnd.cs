using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UserChange;

[Name("UserDisablesDnd"), Priority(10)]
[Description("A user turns DND off; the override rules decide what a user may lift")]
public sealed class UserDisablesDnd : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Lift(ClassifierOutcome.EventChannels, "DND turned off by a user");

    public override void Define()
    {
        EventDecision<UserDndChangeFacts> evt = default!;
        When().Match(() => evt, x => !x.Facts.Enable);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
