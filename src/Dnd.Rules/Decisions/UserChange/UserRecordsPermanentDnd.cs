using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UserChange;

[Name("UserRecordsPermanentDnd"), Priority(30)]
[Description("A user records the contact's own permanent opt-out on the channel (or all)")]
public sealed class UserRecordsPermanentDnd : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, "user_permanent", "A user recorded the contact's permanent opt-out; only the contact's own opt-in lifts it");

    public override void Define()
    {
        EventDecision<UserDndChangeFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Enable && x.Facts.Permanent);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
