using System.Text.Json;
using System.Text.Json.Serialization;
using Dnd.Rules.Consent;

namespace Dnd.Workflows.Consent;

/// <summary>Reads and writes an account's AccountSettings; absent fields keep the defaults.</summary>
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
        UnsubscribeScope? UnsubscribeScope);

    public static AccountSettings Parse(string? json)
    {
        var shape = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<Shape>(json, Options);
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
        };
    }

    public static string Serialize(AccountSettings s) => JsonSerializer.Serialize(new Shape(
        s.OptOutKeywords.ToList(), s.OptInKeywords.ToList(), s.KeywordChannels.Select(c => c.ToWire()).ToList(), s.UnsubscribeScope), Options);
}
