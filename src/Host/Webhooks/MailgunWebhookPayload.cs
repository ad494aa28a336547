using System.Text.Json.Serialization;

namespace Dnd.Host.Webhooks;

/// <summary>The parts of Mailgun's webhook JSON we read.</summary>
public sealed record MailgunWebhookPayload(
    MailgunWebhookSignature? Signature,
    [property: JsonPropertyName("event-data")] MailgunEventData? EventData);

public sealed record MailgunWebhookSignature(string? Timestamp, string? Token, string? Signature);

/// <param name="UserVariables">The variables the message was sent with: ours names the message (MailgunTransport.MessageIdVariable).</param>
public sealed record MailgunEventData(string? Id, string? Event, string? Severity, string? Reason, string? Recipient,
    [property: JsonPropertyName("user-variables")] Dictionary<string, System.Text.Json.JsonElement>? UserVariables = null)
{
    /// <summary>Our id of the message the event is about, when it is one we sent.</summary>
    public string? MessageId => UserVariables?.GetValueOrDefault(Dnd.Crm.Delivery.MailgunTransport.MessageIdVariable) is
        { ValueKind: System.Text.Json.JsonValueKind.String } id && id.GetString() is { Length: > 0 and <= Limits.ApiLimits.TextLength } text ? text : null;
}
