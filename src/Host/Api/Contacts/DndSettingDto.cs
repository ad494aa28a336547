namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel's per-channel DND shape: status is "active", "inactive" or "permanent".</summary>
public sealed record DndSettingDto(string Status, string? Message = null, string? Code = null);
