namespace Dnd.Crm.Persistence;

/// <summary>One POST of a delivery and what came back, for the delivery log.</summary>
public sealed class WebhookAttemptRecord
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The receiver's HTTP status; null when no response came (timeout, refused connection).</summary>
    public int? StatusCode { get; set; }

    /// <summary>The start of the response body, at most WebhookSender.ExcerptLength (1024) characters.</summary>
    public string? ResponseExcerpt { get; set; }

    public int DurationMs { get; set; }
    public string? Error { get; set; }

    /// <summary>Asked for through the redeliver endpoint, not the dispatcher's own try.</summary>
    public bool Redelivery { get; set; }
}
