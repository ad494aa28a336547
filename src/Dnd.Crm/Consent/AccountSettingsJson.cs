using System.Text.Json;
using System.Text.Json.Serialization;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Crm.Consent;

/// <summary>
/// Reads and writes an account's settings JSON (the rules' AccountSettings, its AccountProfile and its compliance
/// texts); absent fields keep the defaults.
/// </summary>
public static class AccountSettingsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record Shape(
        List<string>? OptOutKeywords,
        List<string>? OptInKeywords,
        List<string>? KeywordChannels,
        UnsubscribeScope? UnsubscribeScope,
        string? DefaultRegion,
        bool? AllowDuplicateContact,
        int? SendCapPerHour,
        JsonElement? TwilioErrorCodes = null,
        JsonElement? MailgunEvents = null,
        ComplianceSettings? Compliance = null,
        Dictionary<string, string>? FormConsentFields = null,
        Dictionary<string, KeywordsShape>? ChannelKeywords = null,
        string? TimeZone = null,
        List<string>? RevocationScope = null,
        Dictionary<string, JsonElement>? OptOutPhrases = null,
        string? SendingWindow = null);

    private sealed record KeywordsShape(List<string> OptOut, List<string> OptIn);

    public static AccountSettings Parse(string? json)
    {
        var shape = Read(json);
        var settings = AccountSettings.Default;
        if (shape is null)
        {
            return settings;
        }
        return settings with
        {
            OptOutKeywords = shape.OptOutKeywords ?? settings.OptOutKeywords,
            OptInKeywords = shape.OptInKeywords ?? settings.OptInKeywords,
            KeywordChannels = shape.KeywordChannels?.Select(ChannelNames.Parse).ToList() ?? settings.KeywordChannels,
            UnsubscribeScope = shape.UnsubscribeScope ?? settings.UnsubscribeScope,
            RevocationScope = shape.RevocationScope?.Select(ChannelNames.Parse).ToList() ?? settings.RevocationScope,
            OptOutPhrases = shape.OptOutPhrases?.ToDictionary(p => p.Key, p => PhraseList.Parse(p.Key, p.Value.GetRawText())) ?? settings.OptOutPhrases,
            TwilioErrorCodes = shape.TwilioErrorCodes is { ValueKind: JsonValueKind.Array } codes ? Dnd.Rules.Data.TwilioErrorCodes.FromEntries("twilioErrorCodes", codes.GetRawText()) : null,
            MailgunEvents = shape.MailgunEvents is { ValueKind: JsonValueKind.Array } events ? Dnd.Rules.Data.MailgunEvents.FromEntries("mailgunEvents", events.GetRawText()) : null,
            ChannelKeywords = shape.ChannelKeywords?.ToDictionary(k => ChannelNames.Parse(k.Key), k => new KeywordLists(k.Value.OptOut, k.Value.OptIn))
                              ?? settings.ChannelKeywords,
        };
    }

    public static AccountProfile ParseProfile(string? json)
    {
        var shape = Read(json);
        var profile = AccountProfile.Default;
        return shape is null ? profile : profile with
        {
            DefaultRegion = shape.DefaultRegion ?? profile.DefaultRegion,
            AllowDuplicateContact = shape.AllowDuplicateContact ?? profile.AllowDuplicateContact,
            SendCapPerHour = shape.SendCapPerHour ?? profile.SendCapPerHour,
            FormConsentFields = shape.FormConsentFields ?? profile.FormConsentFields,
            TimeZone = shape.TimeZone ?? profile.TimeZone,
            SendingWindow = SendingWindow.Parse(shape.SendingWindow) ?? profile.SendingWindow,
        };
    }

    /// <summary>The compliance texts; the defaults for what the account has not set.</summary>
    public static ComplianceSettings ParseCompliance(string? json) => Read(json)?.Compliance ?? ComplianceSettings.Default;

    public static string Serialize(AccountSettings s, AccountProfile p, ComplianceSettings c) => JsonSerializer.Serialize(new Shape(
        s.OptOutKeywords.ToList(), s.OptInKeywords.ToList(), s.KeywordChannels.Select(c => c.ToWire()).ToList(), s.UnsubscribeScope,
        p.DefaultRegion, p.AllowDuplicateContact, p.SendCapPerHour, Element(s.TwilioErrorCodes), Element(s.MailgunEvents),
        c == ComplianceSettings.Default ? null : c,
        p.FormConsentFields.Count == 0 ? null : p.FormConsentFields.ToDictionary(),
        s.ChannelKeywords.Count == 0 ? null : s.ChannelKeywords.ToDictionary(k => k.Key.ToWire(), k => new KeywordsShape(k.Value.OptOut.ToList(), k.Value.OptIn.ToList())),
        p.TimeZone == AccountProfile.Default.TimeZone ? null : p.TimeZone,
        s.RevocationScope.Count == 0 ? null : s.RevocationScope.Select(c => c.ToWire()).ToList(),
        s.OptOutPhrases.Count == 0 ? null : s.OptOutPhrases.ToDictionary(p => p.Key, p => PhraseJson(p.Value)),
        p.SendingWindow?.ToString()),
        Options);

    /// <summary>A phrase list as its own JSON shape (the shipped files'), so the API shows and takes what the files hold.</summary>
    public static JsonElement PhraseJson(PhraseList list) => JsonDocument.Parse(list.ToJson()).RootElement.Clone();

    private static JsonElement? Element(IRuleTable? table) => table is null ? null : JsonDocument.Parse(table.EntriesJson).RootElement.Clone();

    private static Shape? Read(string? json) => string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<Shape>(json, Options);
}
