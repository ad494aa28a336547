namespace Dnd.Rules.Consent;

/// <summary>Per-account consent settings the rules read.</summary>
public sealed record AccountSettings
{
    public static IReadOnlyList<string> DefaultOptOutKeywords { get; } =
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"];

    public static IReadOnlyList<string> DefaultOptInKeywords { get; } = ["START", "UNSTOP", "YES"];

    public static IReadOnlyList<Channel> DefaultKeywordChannels { get; } = [Channel.Sms, Channel.WhatsApp, Channel.Fb];

    public static AccountSettings Default { get; } = new();

    public IReadOnlyList<string> OptOutKeywords { get; init; } = DefaultOptOutKeywords;

    public IReadOnlyList<string> OptInKeywords { get; init; } = DefaultOptInKeywords;

    /// <summary>Channels on which an inbound keyword changes DND.</summary>
    public IReadOnlyList<Channel> KeywordChannels { get; init; } = DefaultKeywordChannels;

    public UnsubscribeScope UnsubscribeScope { get; init; } = UnsubscribeScope.EmailOnly;
}
