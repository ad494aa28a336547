using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("TwilioAdvancedOptOutHelp"), Priority(30)]
[Description("Twilio Advanced Opt-Out reported HELP: no DND change, and no keyword reading of the body")]
public sealed class TwilioAdvancedOptOutHelp : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Nothing("Contact asked for help (Twilio OptOutType HELP); consent is unchanged");

    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.OptOutType == "HELP" && x.Facts.OnSmsOrWhatsApp);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
