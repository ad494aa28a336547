namespace Dnd.Host.Api.SmartLists;

/// <param name="Succeded">HighLevel's spelling, as in its other delete answers.</param>
public sealed record SmartListDeletedResponse(bool Succeded);
