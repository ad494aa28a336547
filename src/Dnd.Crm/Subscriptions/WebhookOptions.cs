namespace Dnd.Crm.Subscriptions;

/// <summary>Outbound webhooks (Dnd:OutboundWebhooks).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Lets a subscription's URL be plain http to localhost or 127.0.0.1 (tests, local development). Every other URL
    /// must be https, so a contact's consent never crosses a network unencrypted.
    /// </summary>
    public bool AllowLocalHttp { get; set; }

    /// <summary>Whether the dispatcher runs by itself (woken on commit, polling as a backstop); off, only explicit passes send (tests).</summary>
    public bool Background { get; set; } = true;

    /// <summary>The backstop poll, for deliveries whose retry comes due and for writes made by another process.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after its first attempt a delivery is retried before it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait after the first failure; each further failure doubles it (jittered), up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one POST may take; a slower receiver's attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a claimed delivery stays claimed: longer than <see cref="Timeout"/>, so only a crashed sender's is sent again.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public int Batch { get; set; } = 200;

    /// <summary>POSTs in flight at once, to all receivers together.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>
    /// POSTs in flight at once to one subscription: a receiver that hangs holds this many of <see cref="Concurrency"/>,
    /// and the other subscriptions' deliveries go on past it; a busy receiver that answers gets this many at a time.
    /// </summary>
    public int SubscriptionConcurrency { get; set; } = 8;

    /// <summary>How often the subscriptions are read again, for changes made through another server process.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Subscriptions an account may have.</summary>
    public int MaxPerAccount { get; set; } = 20;
}
