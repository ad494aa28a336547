using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;
using Dnd.Rules.Data;

namespace Dnd.Rules.Decisions.UnsubscribeLink;

[Name("UnsubscribeLinkAllChannels"), Priority(20)]
[Description("The unsubscribe link, where the account unsubscribes from all channels: DND on every channel, each of which a user may then adjust on its own")]
public sealed class UnsubscribeLinkAllChannels : Rule
{
    private static readonly ClassifierOutcome Outcome =
        ClassifierOutcome.Set(DndStatus.Active, ClassifierOutcome.AllChannels, DndCodes.EmailUnsubscribe, "Contact used the unsubscribe link (account unsubscribes from all channels)");

    public override void Define()
    {
        EventDecision<UnsubscribeLinkFacts> evt = default!;
        When().Match(() => evt, x => x.Facts.Scope == UnsubscribeScope.AllChannels && x.Facts.LinkChannel == Channel.Email);
        Then().Do(ctx => evt.Decide(ctx, Outcome));
    }
}
