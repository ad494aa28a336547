using Dnd.Crm.Persistence;

namespace Dnd.Crm.Subscriptions;

/// <summary>When a failed delivery is tried again: exponential with jitter, the last try at the end of the retry period, then failed.</summary>
public static class WebhookBackoff
{
    /// <summary>Records a failed attempt's consequence on the delivery: its next time, or failed once the retry period is over.</summary>
    public static void Failed(WebhookDeliveryRecord delivery, DateTimeOffset now, WebhookOptions options)
    {
        var deadline = (delivery.FirstAttemptAt ?? now) + options.RetryFor;
        if (now >= deadline)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            return;
        }
        var exponent = Math.Min(30, Math.Max(0, delivery.Attempts - 1));
        var wait = Math.Min(options.MaxBackoff.TotalSeconds, options.FirstBackoff.TotalSeconds * Math.Pow(2, exponent));
        // Jitter spreads the retries of many deliveries that failed together (a receiver's outage) over time.
        var next = now + TimeSpan.FromSeconds(wait * (0.8 + Random.Shared.NextDouble() * 0.4));
        delivery.NextAttemptAt = next < deadline ? next : deadline;
    }
}
