namespace Dnd.Host.Api.Conversations;

/// <summary>HighLevel's send-message body: type is SMS, Email, WhatsApp, FB, GMB or Call.</summary>
public sealed record SendMessageRequest(string Type, string ContactId, string? Message, string? Subject, string? Html);
