namespace Dnd.Host.Api.Contacts;

/// <summary>
/// One channel of a request's dndSettings (HighLevel's DndSettingSchema): status "active", "inactive" or
/// "permanent", any case. The code is HighLevel's to send back; the rules set their own, so a given one is ignored.
/// </summary>
public sealed record DndSettingRequest(string? Status, string? Message = null, string? Code = null);
