namespace Dnd.Host.Api.Accounts;

/// <summary>The account's consent settings and profile.</summary>
/// <param name="UnsubscribeScope">EmailOnly or AllChannels: what an unsubscribe link or Mailgun unsubscribe turns off.</param>
/// <param name="RequiredOptOutKeywords">The words that always opt out, whatever optOutKeywords says.</param>
/// <param name="DefaultRegion">ISO 3166 region that phone numbers without a country code are read in.</param>
/// <param name="SendCapPerHour">Messages a workflow may send one contact on one channel in an hour.</param>
public sealed record DndSettingsResponse(
    IReadOnlyList<string> OptOutKeywords,
    IReadOnlyList<string> OptInKeywords,
    IReadOnlyList<string> KeywordChannels,
    string UnsubscribeScope,
    IReadOnlyList<string> RequiredOptOutKeywords,
    string DefaultRegion,
    bool AllowDuplicateContact,
    int SendCapPerHour);
