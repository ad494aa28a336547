using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("TwilioAdvancedOptOutStart"), Priority(40)]
[Description("Twilio Advanced Opt-Out reported START on SMS or WhatsApp: the contact lifts their own opt-out on that channel")]
public sealed class TwilioAdvancedOptOutStart : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Lift(ClassifierOutcome.EventChannels, "Contact opted back in; Twilio Advanced Opt-Out (OptOutType START) has already unblocked this sender");

    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.OptOutType == "START" && x.Facts.OnSmsOrWhatsApp);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
