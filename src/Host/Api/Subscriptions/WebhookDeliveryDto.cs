using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;

namespace Dnd.Host.Api.Subscriptions;

/// <summary>One POST of a delivery: when, the receiver's status (null without a response), the start of its body, how long, the error.</summary>
public sealed record WebhookAttemptDto(DateTimeOffset At, int? StatusCode, string? ResponseExcerpt, int DurationMs, string? Error, bool Redelivery)
{
    public static WebhookAttemptDto From(WebhookAttemptRecord a) => new(a.At, a.StatusCode, a.ResponseExcerpt, a.DurationMs, a.Error, a.Redelivery);
}

/// <summary>An event sent (or to be sent) to the subscription, with its body as sent and every attempt.</summary>
/// <param name="Subject">The contact's id, or "address:" and the address for an address's own ledger line: the order deliveries keep.</param>
/// <param name="Status">pending, delivered or failed.</param>
public sealed record WebhookDeliveryDto(long Id, string Event, string Subject, string Status, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, string Body, IReadOnlyList<WebhookAttemptDto> Log)
{
    public static WebhookDeliveryDto From(WebhookDeliveryRecord d, IEnumerable<WebhookAttemptRecord> attempts) => new(d.Id, d.Event, d.Subject, d.Status,
        d.CreatedAt, d.Attempts, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.Body,
        attempts.Select(WebhookAttemptDto.From).ToList());
}

/// <summary>A page of deliveries, newest first; nextBefore asks for the page after it (null on the last).</summary>
public sealed record WebhookDeliveriesResponse(IReadOnlyList<WebhookDeliveryDto> Deliveries, long? NextBefore);

/// <summary>The redelivery's attempt, as logged.</summary>
public sealed record RedeliveryResponse(long DeliveryId, WebhookAttemptDto Attempt);
