using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dnd.Shared.Telemetry;

/// <summary>
/// The domain's one trace source and one meter ("Dnd"), for every project. Both are free while nothing listens:
/// StartActivity returns null and instruments skip their work until an OpenTelemetry provider subscribes
/// (the host's AddDndTelemetry, only when an exporter is configured).
/// </summary>
public static class DndTelemetry
{
    public const string Name = "Dnd";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
