namespace Dnd.Host.Api.Accounts;

/// <summary>Fields left null keep their current value.</summary>
/// <param name="UnsubscribeScope">EmailOnly or AllChannels (any case).</param>
/// <param name="TwilioErrorCodes">
/// The account's own Twilio error-code table: entries as in RuleData/twilio-error-codes.json
/// (errorCode, name, change, status, code, message); an empty array goes back to the deployment's table.
/// </param>
/// <param name="MailgunEvents">
/// The account's own Mailgun event table: entries as in RuleData/mailgun-events.json; an empty array goes back to the
/// deployment's table.
/// </param>
/// <param name="ChannelKeywords">
/// Keyword lists of their own for SMS, WhatsApp or FB (Messenger), replacing the account's there; given, the map replaces
/// the account's whole map (<c>{}</c> removes them all, a channel set to null removes that one).
/// </param>
/// <param name="FormConsentFields">By form id, the field of a submission that carries explicit consent (else "consent"); replaces the whole map.</param>
/// <param name="TimeZone">IANA time zone (e.g. America/New_York): revocation deadlines count business days in it.</param>
/// <param name="RevocationScope">
/// Channels a contact's opt-out by text, or a revocation staff record, also stops beyond its own channel; [] for that
/// channel only (the default).
/// </param>
/// <param name="OptOutPhrases">
/// The account's own opt-out phrase lists by language code, each shaped as the shipped files (language, keywords, clear,
/// possible, notOptOut, inReply, filler): one for en or es replaces the shipped list, another code adds a language.
/// Given, the map replaces the account's whole map ({} goes back to the shipped lists only).
/// </param>
/// <param name="SendingWindow">
/// The local hours marketing may reach a contact in, "HH:mm-HH:mm" in the contact's time zone (e.g. "08:00-21:00"), or
/// "always" for no quiet hours; "" goes back to the server's default. Transactional messages ignore it.
/// </param>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record AccountSettingsRequest(
    List<string>? OptOutKeywords = null,
    List<string>? OptInKeywords = null,
    List<string>? KeywordChannels = null,
    string? UnsubscribeScope = null,
    string? DefaultRegion = null,
    bool? AllowDuplicateContact = null,
    int? SendCapPerHour = null,
    System.Text.Json.JsonElement? TwilioErrorCodes = null,
    System.Text.Json.JsonElement? MailgunEvents = null,
    Dictionary<string, ChannelKeywordsDto?>? ChannelKeywords = null,
    Dictionary<string, string>? FormConsentFields = null,
    string? LocationId = null,
    string? TimeZone = null,
    List<string>? RevocationScope = null,
    Dictionary<string, System.Text.Json.JsonElement>? OptOutPhrases = null,
    string? SendingWindow = null);
