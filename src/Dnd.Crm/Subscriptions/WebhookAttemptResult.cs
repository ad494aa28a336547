using Dnd.Crm.Persistence;

namespace Dnd.Crm.Subscriptions;

/// <summary>What one POST got: a status (null without a response), the start of the body, how long it took, the error.</summary>
public sealed record WebhookAttemptResult(DateTimeOffset At, int? StatusCode, string? Excerpt, int DurationMs, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;

    public WebhookAttemptRecord ToRecord(long deliveryId, bool redelivery) => new()
    {
        DeliveryId = deliveryId, At = At, StatusCode = StatusCode, ResponseExcerpt = Excerpt, DurationMs = DurationMs, Error = Error, Redelivery = redelivery,
    };
}
