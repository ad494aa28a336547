using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UnsubscribeLink;

[Name("UnsubscribeLinkSms"), Priority(5)]
[Description("An SMS's unsubscribe link: permanent SMS DND, the contact's own opt-out like STOP (their START lifts it)")]
public sealed class UnsubscribeLinkSms : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, "SMS", DndCodes.SmsLinkOptOut, "Contact stopped SMS through the unsubscribe link of a text");

    public override void Define()
    {
        EventDecision<UnsubscribeLinkFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.LinkChannel == Channel.Sms && !x.Facts.Everything);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
