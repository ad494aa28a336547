namespace Dnd.Crm.Delivery;

/// <summary>What became of one hand-over to a provider.</summary>
public enum DeliveryKind
{
    /// <summary>The provider took the message (it has its id).</summary>
    Accepted,

    /// <summary>The provider refused it for good (a bad number, an unsubscribed recipient): never retried.</summary>
    Permanent,

    /// <summary>Not now, and surely not taken (rate limited, 503, the circuit open, a refused connection): tried again later.</summary>
    Transient,

    /// <summary>
    /// No answer after the request may have reached the provider (a timeout, a dropped connection, a 500): the message
    /// stays claimed and is looked up at the provider before anything is sent again.
    /// </summary>
    Unanswered,

    /// <summary>No integration carries the channel: the message waits for one, nothing was sent.</summary>
    NoIntegration,
}

/// <param name="ProviderMessageId">The provider's id of an accepted message (Twilio's SM…, Mailgun's Message-Id).</param>
/// <param name="Code">The provider's error code of a refusal (Twilio's 21610, Mailgun's HTTP status), which the DND rules read.</param>
/// <param name="Detail">The provider's answer in words, kept as the message's reason.</param>
/// <param name="RetryAfter">For a transient failure: how long the provider asked us to wait, when it said.</param>
public sealed record DeliveryOutcome(DeliveryKind Kind, string? ProviderMessageId = null, string? Code = null, string? Detail = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryOutcome Accepted(string providerMessageId) => new(DeliveryKind.Accepted, providerMessageId);

    public static DeliveryOutcome Permanent(string? code, string detail) => new(DeliveryKind.Permanent, Code: code, Detail: detail);

    public static DeliveryOutcome Transient(string detail, TimeSpan? retryAfter = null) => new(DeliveryKind.Transient, Detail: detail, RetryAfter: retryAfter);

    public static DeliveryOutcome Unanswered(string detail) => new(DeliveryKind.Unanswered, Detail: detail);
}
