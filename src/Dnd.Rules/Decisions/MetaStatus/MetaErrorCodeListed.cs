using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.MetaStatus;

/// <remarks>The decision is named after the table's entry (e.g. WhatsAppMarketingStopped), which says more than this rule.</remarks>
[Name("MetaErrorCodeListed"), Priority(10)]
[Description("A WhatsApp status whose error code is listed in meta-error-codes.json: that entry decides")]
public sealed class MetaErrorCodeListed : Rule
{
    public override void Define()
    {
        EventDecision<WhatsAppStatusFacts> evt = default!;
        MetaErrorCodes codes = default!;
        When()
            .Match(() => evt)
            .Match(() => codes, t => t.Lists(evt.Facts.ErrorCode));
        Then().Do(ctx => evt.Decide(codes[evt.Facts.ErrorCode].Name, codes[evt.Facts.ErrorCode].Outcome));
    }
}
