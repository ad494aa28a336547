namespace Dnd.Crm.Messaging;

public sealed class MessagingOptions
{
    /// <summary>Absolute base URL the unsubscribe links point at, e.g. https://crm.example.com.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>HMAC key for unsubscribe tokens; set it in production so links survive restarts and replicas.</summary>
    public string UnsubscribeSigningKey { get; set; } = "";

    /// <summary>How often the outbox dispatcher looks for queued messages (Dnd:Messaging:PollInterval).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
