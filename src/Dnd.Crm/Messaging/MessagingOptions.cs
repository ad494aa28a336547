using Dnd.Crm.Consent;
namespace Dnd.Crm.Messaging;

public sealed class MessagingOptions
{
    /// <summary>Absolute base URL the unsubscribe links point at, e.g. https://crm.example.com.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>HMAC key for unsubscribe tokens; set it in production so links survive restarts and replicas.</summary>
    public string UnsubscribeSigningKey { get; set; } = "";

    /// <summary>How often the outbox dispatcher looks for queued messages (Dnd:Messaging:PollInterval).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The sending window of accounts that set none (Dnd:Messaging:DefaultSendingWindow): "HH:mm-HH:mm" in the
    /// recipient's local time, or "always" for no quiet hours. The TCPA's 8 a.m. to 9 p.m. unless configured.
    /// </summary>
    public string DefaultSendingWindow { get; set; } = SendingWindow.Default.ToString();

    /// <summary>The default, read; the server refuses to start when it does not parse.</summary>
    public SendingWindow DefaultWindow => SendingWindow.Parse(DefaultSendingWindow)
        ?? throw new InvalidOperationException($"Dnd:Messaging:DefaultSendingWindow '{DefaultSendingWindow}' is not HH:mm-HH:mm or 'always'.");
}
