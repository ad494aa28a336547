using System.Diagnostics.Metrics;

namespace Dnd.Shared.Telemetry;

/// <summary>
/// The domain's counters and histograms, created once. Tags are small fixed sets (rule, verdict, channel, source,
/// provider, outcome, code, reason): never a contact's, message's or account's id, which would make a series per id.
/// </summary>
public static class DndMetrics
{
    /// <summary>Seconds, the unit OpenTelemetry's conventions give durations, with bounds for a webhook's or a provider's answer.</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    public static readonly Counter<long> Decisions = DndTelemetry.Meter.CreateCounter<long>(
        "dnd.decisions", "{decision}", "DND decisions per channel, by the rule that decided and its verdict.");

    public static readonly Counter<long> OptOuts = DndTelemetry.Meter.CreateCounter<long>(
        "dnd.optouts", "{optout}", "Channels that started blocking, by channel and the kind of source that asked.");

    public static readonly Histogram<double> WebhookDuration = DndTelemetry.Meter.CreateHistogram<double>(
        "dnd.webhook.duration", "s", "Provider webhooks' handling time, by provider and result.", advice: Seconds);

    public static readonly Counter<long> WebhookRejections = DndTelemetry.Meter.CreateCounter<long>(
        "dnd.webhook.rejections", "{request}", "Provider webhooks refused, by provider and reason.");

    public static readonly Histogram<double> DispatchDuration = DndTelemetry.Meter.CreateHistogram<double>(
        "dnd.dispatch.duration", "s", "Hand-overs of outbox messages to their provider, by provider and outcome.", advice: Seconds);

    public static readonly Counter<long> DispatchFailures = DndTelemetry.Meter.CreateCounter<long>(
        "dnd.dispatch.failures", "{message}", "Hand-overs the provider did not accept, by provider and its error code.");

    public static readonly Histogram<int> WriteBatchSize = DndTelemetry.Meter.CreateHistogram<int>(
        "dnd.write.batch.size", "{job}", "Jobs per group commit of the SQLite batch writer.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
}
