using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Mailgun;

[Name("MailgunTemporaryFailureIsNotDnd"), Priority(10)]
[Description("A failure that is not permanent is not the contact's preference: Mailgun retries it")]
public sealed class MailgunTemporaryFailureIsNotDnd : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Nothing("Temporary delivery failure; Mailgun retries");

    public override void Define()
    {
        EventDecision<MailgunEventFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Event == "failed" && x.Facts.Severity != "permanent");
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
