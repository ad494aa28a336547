namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel's inboundDndSettings: { "all": { "status": "active" | "inactive", "message": ... } }.</summary>
public sealed record InboundDndSettingsDto(InboundDndSettingDto? All);

public sealed record InboundDndSettingDto(string Status, string? Message = null);
