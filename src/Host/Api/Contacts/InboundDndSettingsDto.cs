namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel's inboundDndSettings in a response: { "all": { "status": "active" | "inactive", "message": "" } }.</summary>
public sealed record InboundDndSettingsDto(InboundDndSettingDto All);

/// <param name="Message">"" where there is none, never null.</param>
public sealed record InboundDndSettingDto(string Status, string Message);
