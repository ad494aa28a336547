namespace Dnd.Host.Api.SmartLists;

public sealed record SmartListResponse(SmartListDto SmartList);
