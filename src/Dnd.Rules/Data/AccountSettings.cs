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

    private readonly IReadOnlyList<string> _optOut = DefaultOptOutKeywords;
    private readonly IReadOnlyList<string> _optIn = DefaultOptInKeywords;

    // Each list as KeywordNormalizer reads a reply, made with the list (and remade by `with`), not per inbound message.
    private readonly HashSet<string> _optOutWords = Normalized(DefaultOptOutKeywords);
    private readonly HashSet<string> _optInWords = Normalized(DefaultOptInKeywords);

    /// <summary>The account's opt-out keywords; the required ones are always among them.</summary>
    public IReadOnlyList<string> OptOutKeywords
    {
        get => _optOut;
        init
        {
            _optOut = RequiredOptOutKeywords.Union(value, StringComparer.OrdinalIgnoreCase).ToList();
            _optOutWords = Normalized(_optOut);
        }
    }

    /// <summary>The account's opt-in keywords; a required opt-out word is never one of them.</summary>
    public IReadOnlyList<string> OptInKeywords
    {
        get => _optIn;
        init
        {
            _optIn = value.Where(w => !IsRequiredOptOut(w)).ToList();
            _optInWords = Normalized(_optIn);
        }
    }

    /// <summary>Whether a reply, normalized by <see cref="KeywordNormalizer"/>, is one of the opt-out keywords.</summary>
    public bool IsOptOutWord(string normalized) => _optOutWords.Contains(normalized);

    /// <summary>Whether a reply, normalized by <see cref="KeywordNormalizer"/>, is one of the opt-in keywords.</summary>
    public bool IsOptInWord(string normalized) => _optInWords.Contains(normalized);

    /// <summary>Channels on which an inbound keyword changes DND.</summary>
    public IReadOnlyList<Channel> KeywordChannels { get; init; } = DefaultKeywordChannels;

    public UnsubscribeScope UnsubscribeScope { get; init; } = AccountDefaults.Shipped.UnsubscribeScope;

    /// <summary>The account's own Twilio error-code table; null: the deployment's.</summary>
    public TwilioErrorCodes? TwilioErrorCodes { get; init; }

    /// <summary>The account's own Mailgun event table; null: the deployment's.</summary>
    public MailgunEvents? MailgunEvents { get; init; }

    private static HashSet<string> Normalized(IEnumerable<string> keywords) =>
        keywords.Select(KeywordNormalizer.Normalize).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

    public static bool IsRequiredOptOut(string keyword) => RequiredOptOutKeywords.Contains(keyword.Trim(), StringComparer.OrdinalIgnoreCase);
}
