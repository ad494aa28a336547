namespace Dnd.Host.Api.SmartLists;

/// <param name="ExcludeDndChannel">Leave out contacts whose DND blocks this channel (e.g. "SMS").</param>
/// <param name="ExcludeAnyDnd">Leave out contacts with DND on any channel.</param>
public sealed record SmartListRequest(string Name, string? ExcludeDndChannel, bool ExcludeAnyDnd, string? Tag, string? Query);
