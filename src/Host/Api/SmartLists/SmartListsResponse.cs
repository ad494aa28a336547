namespace Dnd.Host.Api.SmartLists;

/// <summary>The account's smart lists by name.</summary>
public sealed record SmartListsResponse(IReadOnlyList<SmartListDto> SmartLists);
