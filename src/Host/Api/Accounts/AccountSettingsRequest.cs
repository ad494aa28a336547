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
    string? LocationId = null);
