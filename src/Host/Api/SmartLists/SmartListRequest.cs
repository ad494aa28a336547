namespace Dnd.Host.Api.SmartLists;

/// <param name="ExcludeDndChannel">Leave out contacts whose DND blocks this channel (e.g. "SMS").</param>
/// <param name="ExcludeAnyDnd">Leave out contacts with DND on any channel.</param>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record SmartListRequest(string? Name, string? ExcludeDndChannel = null, bool ExcludeAnyDnd = false, string? Tag = null, string? Query = null,
    string? LocationId = null);
