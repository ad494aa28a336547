namespace Dnd.Host.Api.Health;

/// <summary>Dnd:Health: what /health/ready allows before it says the server is not ready.</summary>
public sealed class HealthOptions
{
    /// <summary>How long the probe's queries (a trivial one, then the lags) may take together; slower is a failed check.</summary>
    public TimeSpan DatabaseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the oldest due queued message may wait unclaimed (the dispatcher polls every second).</summary>
    public TimeSpan MaxOutboxLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the oldest pending trigger or due timer may wait for the workflow worker.</summary>
    public TimeSpan MaxWorkflowLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the oldest queued job may wait; jobs run one at a time, so a long one legitimately keeps the next waiting.</summary>
    public TimeSpan MaxJobLag { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the oldest due outbound webhook delivery may wait to be sent (the dispatcher is woken on commit; a retry
    /// waiting for its backoff, or a delivery behind its contact's earlier one, is not due).
    /// </summary>
    public TimeSpan MaxWebhookLag { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the oldest due suppression removal (its account's Mailgun connected) may wait; the remover polls every
    /// minute and a crashed host's hold lasts two.
    /// </summary>
    public TimeSpan MaxSuppressionRemovalLag { get; set; } = TimeSpan.FromMinutes(10);
}
