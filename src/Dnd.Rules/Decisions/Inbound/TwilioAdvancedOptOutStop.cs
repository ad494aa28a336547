using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("TwilioAdvancedOptOutStop"), Priority(50)]
[Description("Twilio Advanced Opt-Out reported STOP on SMS or WhatsApp: permanent DND on that channel, whatever the body says")]
public sealed class TwilioAdvancedOptOutStop : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Permanent, ClassifierOutcome.EventChannels, "twilio_opt_out", "Contact opted out; Twilio Advanced Opt-Out (OptOutType STOP) has already blocked this sender");

    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.OptOutType == "STOP" && x.Facts.OnSmsOrWhatsApp);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
