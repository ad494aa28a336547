using System.Diagnostics;

namespace Dnd.Shared.Telemetry;

/// <summary>
/// Carries a trace across the database: a row a worker picks up later (a pending trigger, an instance, a bookmark, an
/// outbox message) keeps the W3C traceparent of the span that wrote it, and the worker's span continues that trace.
/// </summary>
public static class TraceParents
{
    /// <summary>A W3C traceparent of version 00 ("00-{32 hex}-{16 hex}-{2 hex}").</summary>
    public const int MaxLength = 55;

    /// <summary>
    /// The current span's traceparent, to store on a row; null while nothing records the Dnd source. ASP.NET Core makes a
    /// request activity for its log scopes even then, so Activity.Current alone does not say telemetry is on.
    /// </summary>
    public static string? Current =>
        DndTelemetry.Source.HasListeners() && Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// A worker's span in the trace(s) that wrote its rows: the first stored traceparent is its parent and the others,
    /// rows of other traces the same span serves (a batch), are links. With none stored its parent is the ambient span
    /// (none in a background worker: a trace of its own).
    /// Null, at the cost of one check, while nothing listens.
    /// </summary>
    public static Activity? Start(string name, ActivityKind kind, params IEnumerable<string?> parents)
    {
        if (!DndTelemetry.Source.HasListeners())
        {
            return null;
        }
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var stored in parents)
        {
            if (!ActivityContext.TryParse(stored, null, isRemote: true, out var context))
            {
                continue;
            }
            if (parent == default)
            {
                parent = context;
            }
            else if (context.TraceId != parent.TraceId && links?.Exists(l => l.Context.TraceId == context.TraceId) != true)
            {
                (links ??= []).Add(new ActivityLink(context));
            }
        }
        return DndTelemetry.Source.StartActivity(name, kind, parent, links: links);
    }
}
