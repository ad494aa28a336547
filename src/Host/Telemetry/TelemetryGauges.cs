using System.Diagnostics.Metrics;
using Dnd.Activities.Persistence;
using Dnd.Crm.Delivery;
using Dnd.Host.Api.Health;
using Dnd.Host.Startup;
using Dnd.Shared.Telemetry;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Telemetry;

/// <summary>
/// dnd.outbox.depth, dnd.outbox.oldest_age and dnd.workflow.instances: read from the database at most once every
/// <see cref="RefreshEvery"/> (the outbox on its due index, as readiness does), so scrapes, however frequent, cost a
/// cached read. Created only when telemetry is on.
/// </summary>
public sealed class TelemetryGauges : IDisposable
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly ServerPreparation _preparation;
    private readonly TimeProvider _clock;
    private readonly ILogger<TelemetryGauges> _logger;
    private readonly Lock _lock = new();
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private Snapshot _last = new(0, 0, []);
    private volatile bool _disposed;

    private sealed record Snapshot(long OutboxDepth, double OldestAgeSeconds, IReadOnlyList<(WorkflowStatus State, long Count)> Instances);

    public TelemetryGauges(IServiceScopeFactory scopes, ServerPreparation preparation, TimeProvider clock, ILogger<TelemetryGauges> logger)
    {
        (_scopes, _preparation, _clock, _logger) = (scopes, preparation, clock, logger);
        DndTelemetry.Meter.CreateObservableGauge("dnd.outbox.depth",
            () => Read() is { } s ? [new Measurement<long>(s.OutboxDepth)] : Array.Empty<Measurement<long>>(), "{message}", "Queued messages due now.");
        DndTelemetry.Meter.CreateObservableGauge("dnd.outbox.oldest_age",
            () => Read() is { } s ? [new Measurement<double>(s.OldestAgeSeconds)] : Array.Empty<Measurement<double>>(), "s", "How long the oldest due message has waited.");
        DndTelemetry.Meter.CreateObservableGauge("dnd.workflow.instances",
            () => (Read()?.Instances ?? []).Select(i => new Measurement<long>(i.Count, new KeyValuePair<string, object?>("state", i.State.ToString().ToLowerInvariant()))),
            "{instance}", "Workflow instances by state.");
    }

    /// <summary>
    /// The meter is the process's and keeps its instruments: once this host stops (a test's server, one of several in
    /// a process), its gauges report nothing rather than read a database that is gone.
    /// </summary>
    public void Dispose() => _disposed = true;

    private Snapshot? Read()
    {
        lock (_lock)
        {
            // An export (or a scrape) while the database is still being prepared would read tables that do not exist yet.
            if (_disposed || !_preparation.Prepared.IsCompletedSuccessfully)
            {
                return null;
            }
            var now = _clock.GetUtcNow();
            if (now - _readAt < RefreshEvery)
            {
                return _last;
            }
            _readAt = now;
            try
            {
                // Synchronous on purpose: the exporter's collection calls back synchronously, and this runs once in ten seconds.
                using var scope = _scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
                var depth = OutboxQueries.DueUnordered(db, now).LongCount();
                var oldest = ReadinessChecks.OldestDueMessage(db, now).FirstOrDefault();
                var counted = db.WorkflowInstances.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.LongCount() })
                    .ToDictionary(g => g.Key, g => g.Count);
                // Every state, zero included: a state that empties shows 0, not a series that stops.
                var instances = Enum.GetValues<WorkflowStatus>().Select(state => (state, counted.GetValueOrDefault(state))).ToList();
                _last = new Snapshot(depth, oldest is { } at && at < now ? (now - at).TotalSeconds : 0, instances);
            }
            catch (Exception e)
            {
                // A scrape must not fail for a busy database: the last reading stands until the next try.
                _logger.LogWarning(e, "Reading the outbox and workflow gauges failed");
            }
            return _last;
        }
    }
}
