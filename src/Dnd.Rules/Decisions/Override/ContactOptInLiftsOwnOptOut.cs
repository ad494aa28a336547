using Dnd.Rules.Consent;
using Dnd.Rules.Facts;
using NRules.Fluent.Dsl;

namespace Dnd.Rules.Decisions.Override;

[Name("ContactOptInLiftsOwnOptOut"), Priority(50)]
[Description("Applied: the contact opted back in to what they had opted out of, by keyword or carrier or as a user recorded it")]
public sealed class ContactOptInLiftsOwnOptOut : Rule
{
    private const string Reason = "the contact opted back in to what they had opted out of, by keyword or carrier or as a user recorded it";

    /// <summary>The codes of DND the contact set themselves: a keyword, Twilio's record of their STOP, or a user recording it.</summary>
    private static readonly HashSet<string> ContactOptOutCodes = ["keyword_opt_out", "twilio_21610", "twilio_opt_out", "user_permanent"];

    public override void Define()
    {
        RequestDecision request = default!;
        When().Match(() => request, x => x.Request.Kind == ChangeKind.Lift && x.Request.Actor == Actor.Contact && ContactOptOutCodes.Contains(x.Request.CurrentCode));
        Then().Do(ctx => request.Decide(ctx, Verdict.Applied, Reason));
    }
}
