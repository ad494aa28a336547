using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.Inbound;

[Name("InboundRefusalInReplyToUs"), Priority(4)]
[Description("A bare refusal (\"No\", \"No more\", \"Enough\", \"basta\") that answers our last message: possibly a wish to stop, queued for review. " +
             "Sent unprompted it answers nothing of ours, so it is nothing")]
public sealed class InboundRefusalInReplyToUs : Rule
{
    public override void Define()
    {
        EventDecision<InboundMessageFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.TextChannel && x.Facts.InReplyToUs && x.Facts.OptOut.Signal == OptOutSignal.InReplyOnly);
        Then().Do(ctx => evt.Decide(ctx, ClassifierOutcome.Review(DndCodes.PossibleOptOut,
            $"Possible opt-out: {evt.Facts.OptOut.Quote()} in reply to our message")));
    }
}
