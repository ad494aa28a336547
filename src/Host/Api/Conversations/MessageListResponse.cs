namespace Dnd.Host.Api.Conversations;

/// <summary>A contact's messages, oldest first, with the contact's DND status; null for a deleted contact (its messages stay readable).</summary>
public sealed record MessageListResponse(IReadOnlyList<MessageDto> Messages, ContactDndStatusDto? Dnd);
