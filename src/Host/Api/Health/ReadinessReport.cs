namespace Dnd.Host.Api.Health;

/// <summary>/health/ready's answer: "ready" or "not ready", and every check with what it measured, failing or not.</summary>
public sealed record ReadinessReport(string Status, IReadOnlyList<ReadinessCheck> Checks)
{
    public static ReadinessReport Of(IReadOnlyList<ReadinessCheck> checks) => new(checks.All(c => c.Healthy) ? "ready" : "not ready", checks);
}

/// <param name="Name">database, migrations, outbox, workflows, jobs, webhooks or suppression-removals.</param>
/// <param name="Value">What was measured: the query's time, the pending migrations, the oldest due item's wait in seconds.</param>
/// <param name="Threshold">The limit the value is held to, when there is one.</param>
public sealed record ReadinessCheck(string Name, bool Healthy, string Value, string? Threshold = null);
