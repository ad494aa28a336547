namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// Body of POST /smart-lists/ and PUT /smart-lists/{listId} (which replaces the list's name and filters). Give
/// either filters or the old shape's fields (excludeDndChannel, excludeAnyDnd, tag, query: all of them must hold),
/// not both.
/// </summary>
/// <param name="Filters">The filter tree; left out (and no old field given): every contact of the account.</param>
/// <param name="ExcludeDndChannel">Old shape: leave out contacts whose DND blocks this channel (e.g. "SMS").</param>
/// <param name="ExcludeAnyDnd">Old shape: leave out contacts with DND on any channel.</param>
/// <param name="Tag">Old shape: contacts with this tag.</param>
/// <param name="Query">Old shape: contacts with this text in their names, email or phone.</param>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record SmartListRequest(string? Name, string? ExcludeDndChannel = null, bool ExcludeAnyDnd = false, string? Tag = null, string? Query = null,
    string? LocationId = null, SmartListFilterGroup? Filters = null);
