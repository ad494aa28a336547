using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Rules.Facts;

/// <param name="Keyword">The body read against the account's keyword lists (<see cref="KeywordNormalizer"/>).</param>
/// <param name="KeywordChannel">Whether keywords change DND on this channel, per the account (or the channel's own lists).</param>
/// <param name="OptOutType">Twilio Advanced Opt-Out's OptOutType (STOP, START, HELP), trimmed and upper-cased; empty when absent.</param>
public sealed record InboundMessageFacts(Channel Channel, KeywordKind Keyword, bool KeywordChannel, string OptOutType)
{
    public bool OnSmsOrWhatsApp => Channel is Channel.Sms or Channel.WhatsApp;

    public static InboundMessageFacts From(Events.InboundMessageEvent e, AccountSettings settings)
    {
        var (lists, active) = settings.KeywordsFor(e.Channel);
        return new InboundMessageFacts(e.Channel, lists.Classify(KeywordNormalizer.Normalize(e.Body)), active,
            e.OptOutType?.Trim().ToUpperInvariant() ?? string.Empty);
    }
}
