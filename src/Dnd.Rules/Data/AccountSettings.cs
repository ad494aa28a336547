using Dnd.Rules.Consent;

namespace Dnd.Rules.Data;

/// <summary>Per-account consent settings the rules read.</summary>
public sealed record AccountSettings
{
    /// <summary>
    /// Opt-out words that always work, whatever an account configures: carriers and the CTIA handbook expect
    /// them, so no account can make its contacts' STOP mean nothing.
    /// </summary>
    public static IReadOnlyList<string> RequiredOptOutKeywords => AccountDefaults.Shipped.RequiredOptOutKeywords;

    public static IReadOnlyList<string> DefaultOptOutKeywords => AccountDefaults.Shipped.OptOutKeywords;

    public static IReadOnlyList<string> DefaultOptInKeywords => AccountDefaults.Shipped.OptInKeywords;

    public static IReadOnlyList<Channel> DefaultKeywordChannels => AccountDefaults.Shipped.KeywordChannels;

    public static AccountSettings Default { get; } = new();

    /// <summary>The channels a keyword can arrive on, which may each have their own lists.</summary>
    public static IReadOnlyList<Channel> KeywordCapableChannels { get; } = [Channel.Sms, Channel.WhatsApp, Channel.Fb];

    private KeywordLists _keywords = new(DefaultOptOutKeywords, DefaultOptInKeywords);

    /// <summary>The account's opt-out keywords; the required ones are always among them.</summary>
    public IReadOnlyList<string> OptOutKeywords
    {
        get => _keywords.OptOut;
        init => _keywords = new KeywordLists(value, _keywords.OptIn);
    }

    /// <summary>The account's opt-in keywords; a required opt-out word is never one of them.</summary>
    public IReadOnlyList<string> OptInKeywords
    {
        get => _keywords.OptIn;
        init => _keywords = new KeywordLists(_keywords.OptOut, value);
    }

    /// <summary>
    /// A channel's own keyword lists, which replace the account's there (SMS, WhatsApp, Messenger); a channel with its
    /// own lists takes keywords whatever <see cref="KeywordChannels"/> says.
    /// </summary>
    public IReadOnlyDictionary<Channel, KeywordLists> ChannelKeywords { get; init; } = new Dictionary<Channel, KeywordLists>();

    /// <summary>The lists that read a message on <paramref name="channel"/>, and whether keywords change DND there at all.</summary>
    public (KeywordLists Lists, bool Active) KeywordsFor(Channel channel) =>
        ChannelKeywords.TryGetValue(channel, out var own) ? (own, true) : (_keywords, KeywordChannels.Contains(channel));

    private IReadOnlyDictionary<string, PhraseList> _optOutPhrases = new Dictionary<string, PhraseList>();
    private OptOutMatcher _optOutMatcher = OptOutMatcher.Shipped;

    /// <summary>
    /// The account's own opt-out phrase lists by language code: one for a shipped language ("en", "es") replaces it, a
    /// new code adds a language; the law's per-se words are read whatever they say. Compiled once here, not per message.
    /// </summary>
    /// <exception cref="RuleSetException">A list is not valid (list, field and entry named, as <see cref="PhraseList.Parse"/>).</exception>
    public IReadOnlyDictionary<string, PhraseList> OptOutPhrases
    {
        get => _optOutPhrases;
        init => (_optOutPhrases, _optOutMatcher) = (value, OptOutMatcher.For(value));
    }

    /// <summary>The compiled reader of <see cref="OptOutPhrases"/> (with the shipped lists).</summary>
    public OptOutMatcher OptOutMatcher => _optOutMatcher;

    /// <summary>What a message's wording says about opting out; <see cref="OptOutReading.NeedsContext"/> tells whether InReplyToUs matters.</summary>
    public OptOutReading ReadOptOut(string? body) => _optOutMatcher.Read(body);

    /// <summary>Channels on which an inbound keyword changes DND.</summary>
    public IReadOnlyList<Channel> KeywordChannels { get; init; } = DefaultKeywordChannels;

    public UnsubscribeScope UnsubscribeScope { get; init; } = AccountDefaults.Shipped.UnsubscribeScope;

    /// <summary>
    /// Channels a contact's opt-out by text (a keyword or their own words) or a recorded revocation also stops, beyond
    /// the channel it came on: the account reads such a revocation as covering these too. Empty: that channel only.
    /// </summary>
    public IReadOnlyList<Channel> RevocationScope { get; init; } = [];

    /// <summary>The account's own Twilio error-code table; null: the deployment's.</summary>
    public TwilioErrorCodes? TwilioErrorCodes { get; init; }

    /// <summary>The account's own Mailgun event table; null: the deployment's.</summary>
    public MailgunEvents? MailgunEvents { get; init; }

    public static bool IsRequiredOptOut(string keyword) => RequiredOptOutKeywords.Contains(keyword.Trim(), StringComparer.OrdinalIgnoreCase);
}
