using Dnd.Rules.Data;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.TwilioStatus;

/// <remarks>The decision is named after the table's entry (e.g. TwilioUnreachableHandset), which says more than this rule.</remarks>
[Name("TwilioErrorCodeListed"), Priority(10)]
[Description("A status callback whose ErrorCode is listed in twilio-error-codes.json: that entry decides")]
public sealed class TwilioErrorCodeListed : Rule
{
    public override void Define()
    {
        EventDecision<TwilioSmsStatusFacts> evt = default!;
        TwilioErrorCodes codes = default!;
        When()
            .Match(() => evt)
            .Match(() => codes, t => t.Lists(evt.Facts.ErrorCode));
        Then().Do(ctx => evt.Decide(codes[evt.Facts.ErrorCode].Name, codes[evt.Facts.ErrorCode].Outcome));
    }
}
