namespace Dnd.Host.Api.Contacts;

/// <summary>
/// HighLevel's per-channel DND in a response: status is "active", "inactive" or "permanent"; message and code are
/// strings, "" where there is none, as HighLevel sends them (its SDK types them string, never null).
/// </summary>
public sealed record DndSettingDto(string Status, string Message, string Code);
