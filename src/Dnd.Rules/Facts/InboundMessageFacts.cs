using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Rules.Facts;

/// <param name="Keyword">The body read against the account's keyword lists (<see cref="KeywordNormalizer"/>).</param>
/// <param name="KeywordChannel">Whether keywords change DND on this channel, per the account (or the channel's own lists).</param>
/// <param name="OptOutType">Twilio Advanced Opt-Out's OptOutType (STOP, START, HELP), trimmed and upper-cased; empty when absent.</param>
/// <param name="OptOut">The body's wording read against the account's phrase lists (<see cref="OptOutMatcher"/>); never read on calls.</param>
/// <param name="InReplyToUs">The message answers ours; kept only where the wording needs it, so equal wordings share a memo entry.</param>
public sealed record InboundMessageFacts(Channel Channel, KeywordKind Keyword, bool KeywordChannel, string OptOutType, OptOutReading OptOut, bool InReplyToUs)
{
    public bool OnSmsOrWhatsApp => Channel is Channel.Sms or Channel.WhatsApp;

    /// <summary>Every inbound channel but calls carries text a contact can revoke consent in.</summary>
    public bool TextChannel => Channel != Channel.Call;

    public static InboundMessageFacts From(Events.InboundMessageEvent e, AccountSettings settings)
    {
        var (lists, active) = settings.KeywordsFor(e.Channel);
        var optOut = e.Channel == Channel.Call ? OptOutReading.Nothing : e.Reading ?? settings.ReadOptOut(e.Body);
        return new InboundMessageFacts(e.Channel, lists.Classify(KeywordNormalizer.Normalize(e.Body)), active,
            e.OptOutType?.Trim().ToUpperInvariant() ?? string.Empty, optOut, e.InReplyToUs && optOut.NeedsContext);
    }
}
