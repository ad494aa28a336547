using System.Text.Json.Serialization;

namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel's dndSettings: every channel, under HighLevel's own spelling of its name.</summary>
public sealed record DndSettingsDto
{
    [JsonPropertyName("Call")]
    public required DndSettingDto Call { get; init; }

    [JsonPropertyName("Email")]
    public required DndSettingDto Email { get; init; }

    [JsonPropertyName("SMS")]
    public required DndSettingDto Sms { get; init; }

    [JsonPropertyName("WhatsApp")]
    public required DndSettingDto WhatsApp { get; init; }

    [JsonPropertyName("GMB")]
    public required DndSettingDto Gmb { get; init; }

    [JsonPropertyName("FB")]
    public required DndSettingDto Fb { get; init; }
}
