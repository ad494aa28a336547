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

    /// <summary>The account's opt-out keywords; the required ones are always among them.</summary>
    public IReadOnlyList<string> OptOutKeywords
    {
        get => _optOut;
        init => _optOut = RequiredOptOutKeywords.Union(value, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The account's opt-in keywords; a required opt-out word is never one of them.</summary>
    public IReadOnlyList<string> OptInKeywords
    {
        get => _optIn;
        init => _optIn = value.Where(w => !IsRequiredOptOut(w)).ToList();
    }

    /// <summary>Channels on which an inbound keyword changes DND.</summary>
    public IReadOnlyList<Channel> KeywordChannels { get; init; } = DefaultKeywordChannels;

    public UnsubscribeScope UnsubscribeScope { get; init; } = AccountDefaults.Shipped.UnsubscribeScope;

    /// <summary>The account's own Twilio error-code table; null: the deployment's.</summary>
    public TwilioErrorCodes? TwilioErrorCodes { get; init; }

    /// <summary>The account's own Mailgun event table; null: the deployment's.</summary>
    public MailgunEvents? MailgunEvents { get; init; }

    public static bool IsRequiredOptOut(string keyword) => RequiredOptOutKeywords.Contains(keyword.Trim(), StringComparer.OrdinalIgnoreCase);
}
