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

    /// <summary>Messages judged and claimed per pass (Dnd:Messaging:DeliveryBatch); a full batch starts the next pass at once.</summary>
    public int DeliveryBatch { get; set; } = 500;

    /// <summary>Hand-overs to providers in flight at once (Dnd:Messaging:DeliveryConcurrency).</summary>
    public int DeliveryConcurrency { get; set; } = 64;

    /// <summary>
    /// How long a claimed message may wait for its provider's answer before it counts as lost (a crash, a hang) and is
    /// looked up at the provider (Dnd:Messaging:ClaimLease). Longer than any provider call's timeout.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Tries of a message the provider keeps refusing for now (rate limits, outages) before it is marked failed.</summary>
    public int MaxDeliveryAttempts { get; set; } = 10;

    /// <summary>
    /// How long the queued messages of a channel no integration carries wait before the outbox looks again; connecting
    /// an integration releases them at once.
    /// </summary>
    public TimeSpan NoIntegrationRetry { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether this host takes lifted addresses off Mailgun's suppression lists in the background (Dnd:Messaging:SuppressionSync).
    /// Off, removals wait for a host where it is on (or for an explicit pass, as tests run them).
    /// </summary>
    public bool SuppressionSync { get; set; } = true;

    /// <summary>
    /// The sending window of accounts that set none (Dnd:Messaging:DefaultSendingWindow): "HH:mm-HH:mm" in the
    /// recipient's local time, or "always" for no quiet hours. The TCPA's 8 a.m. to 9 p.m. unless configured.
    /// </summary>
    public string DefaultSendingWindow { get; set; } = SendingWindow.Default.ToString();

    /// <summary>The default, read; the server refuses to start when it does not parse.</summary>
    public SendingWindow DefaultWindow => SendingWindow.Parse(DefaultSendingWindow)
        ?? throw new InvalidOperationException($"Dnd:Messaging:DefaultSendingWindow '{DefaultSendingWindow}' is not HH:mm-HH:mm or 'always'.");
}
