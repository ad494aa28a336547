namespace Dnd.Host.Api.Conversations;

/// <summary>A contact's messages, oldest first.</summary>
public sealed record MessageListResponse(IReadOnlyList<MessageDto> Messages);
