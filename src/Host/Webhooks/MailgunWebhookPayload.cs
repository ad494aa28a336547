using System.Text.Json.Serialization;

namespace Dnd.Host.Webhooks;

/// <summary>The parts of Mailgun's webhook JSON we read.</summary>
public sealed record MailgunWebhookPayload(
    MailgunWebhookSignature? Signature,
    [property: JsonPropertyName("event-data")] MailgunEventData? EventData);

public sealed record MailgunWebhookSignature(string? Timestamp, string? Token, string? Signature);

public sealed record MailgunEventData(string? Id, string? Event, string? Severity, string? Reason, string? Recipient);
