using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Mailgun;

/// <remarks>The decision is named after the table's entry (e.g. MailgunHardBounce), which says more than this rule.</remarks>
[Name("MailgunEventListed"), Priority(20)]
[Description("A Mailgun event matched by an entry of mailgun-events.json (event, severity, reason, unsubscribe scope): the first such entry decides")]
public sealed class MailgunEventListed : Rule
{
    public override void Define()
    {
        EventDecision<MailgunEventFacts> evt = default!;
        MailgunEvents events = default!;
        When()
            .Match(() => evt)
            .Match(() => events, t => evt.Facts.FirstIn(t) != null);
        Then().Do(ctx => evt.Decide(evt.Facts.FirstIn(events)!.Name, evt.Facts.FirstIn(events)!.Outcome));
    }
}
