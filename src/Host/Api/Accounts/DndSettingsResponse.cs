namespace Dnd.Host.Api.Accounts;

/// <summary>The account's consent settings and profile.</summary>
/// <param name="UnsubscribeScope">EmailOnly or AllChannels: what an unsubscribe link or Mailgun unsubscribe turns off.</param>
/// <param name="RequiredOptOutKeywords">The words that always opt out, whatever optOutKeywords says.</param>
/// <param name="DefaultRegion">ISO 3166 region that phone numbers without a country code are read in.</param>
/// <param name="TwilioErrorCodes">The Twilio error-code table this account's decisions use (its own, or the deployment's).</param>
/// <param name="TwilioErrorCodesOverridden">Whether the account has its own Twilio table.</param>
/// <param name="MailgunEvents">The Mailgun event table this account's decisions use.</param>
/// <param name="MailgunEventsOverridden">Whether the account has its own Mailgun table.</param>
/// <param name="SendCapPerHour">Messages a workflow may send one contact on one channel in an hour.</param>
/// <param name="ChannelKeywords">The channels with keyword lists of their own (the required opt-outs always among them).</param>
/// <param name="FormConsentFields">By form id, the submission field that carries explicit consent (forms not named: "consent").</param>
/// <param name="TimeZone">The account's IANA time zone: revocation deadlines count business days in it.</param>
/// <param name="RevocationScope">Channels a text opt-out or a recorded revocation also stops beyond its own.</param>
/// <param name="OptOutPhrases">The phrase lists this account's messages are read with, by language: shipped, or its own.</param>
/// <param name="OptOutPhrasesOverridden">The languages whose list is the account's own.</param>
/// <param name="SendingWindow">The local hours marketing may reach a contact in ("08:00-21:00"), or "always": the account's own or the server's default.</param>
/// <param name="SendingWindowOverridden">Whether the window is the account's own.</param>
public sealed record DndSettingsResponse(
    IReadOnlyList<string> OptOutKeywords,
    IReadOnlyList<string> OptInKeywords,
    IReadOnlyList<string> KeywordChannels,
    string UnsubscribeScope,
    IReadOnlyList<string> RequiredOptOutKeywords,
    string DefaultRegion,
    bool AllowDuplicateContact,
    int SendCapPerHour,
    System.Text.Json.JsonElement TwilioErrorCodes,
    bool TwilioErrorCodesOverridden,
    System.Text.Json.JsonElement MailgunEvents,
    bool MailgunEventsOverridden,
    IReadOnlyDictionary<string, ChannelKeywordsDto> ChannelKeywords,
    IReadOnlyDictionary<string, string> FormConsentFields,
    string TimeZone,
    IReadOnlyList<string> RevocationScope,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement> OptOutPhrases,
    IReadOnlyList<string> OptOutPhrasesOverridden,
    string SendingWindow,
    bool SendingWindowOverridden);
