using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Rules.Facts;

/// <param name="Keyword">The body read against the account's keyword lists (<see cref="KeywordNormalizer"/>).</param>
/// <param name="KeywordChannel">Whether keywords change DND on this channel, per the account.</param>
/// <param name="OptOutType">Twilio Advanced Opt-Out's OptOutType (STOP, START, HELP), trimmed and upper-cased; empty when absent.</param>
public sealed record InboundMessageFacts(Channel Channel, KeywordKind Keyword, bool KeywordChannel, string OptOutType)
{
    public bool OnSmsOrWhatsApp => Channel is Channel.Sms or Channel.WhatsApp;

    public static InboundMessageFacts From(Events.InboundMessageEvent e, AccountSettings settings)
    {
        var word = KeywordNormalizer.Normalize(e.Body);
        var keyword = word.Length == 0 ? KeywordKind.None
            : settings.IsOptOutWord(word) ? KeywordKind.OptOut
            : settings.IsOptInWord(word) ? KeywordKind.OptIn
            : KeywordKind.None;
        return new InboundMessageFacts(e.Channel, keyword, settings.KeywordChannels.Contains(e.Channel),
            e.OptOutType?.Trim().ToUpperInvariant() ?? string.Empty);
    }
}
