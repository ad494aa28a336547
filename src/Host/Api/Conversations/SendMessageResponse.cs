namespace Dnd.Host.Api.Conversations;

/// <summary>HighLevel's SendMessageResponseDto; the conversation is the contact (one thread per contact here).</summary>
public sealed record SendMessageResponse(string ConversationId, string MessageId, string Msg);
