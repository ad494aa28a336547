namespace Dnd.Crm.Persistence;

/// <summary>
/// A provider delivery already handled, keyed per account and provider so one tenant's event ids can never
/// shadow another's. Written in the same transaction as the change it caused.
/// </summary>
public sealed class ProcessedWebhookRecord
{
    public required string AccountId { get; set; }

    /// <summary>"twilio-message", "twilio-status", "twilio-call", "mailgun-event", "mailgun-token".</summary>
    public required string Provider { get; set; }

    public required string EventId { get; set; }

    /// <summary>SHA-256 of the delivery's body, so a re-used id with another body is told apart from a retry.</summary>
    public string? BodyHash { get; set; }

    public DateTimeOffset At { get; set; }
}
