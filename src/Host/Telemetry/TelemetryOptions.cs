namespace Dnd.Host.Telemetry;

/// <summary>Dnd:Telemetry. Everything is off unless an exporter is configured: no listener, no per-request work.</summary>
public sealed class TelemetryOptions
{
    /// <summary>OTLP collector address; OTEL_EXPORTER_OTLP_ENDPOINT, the standard variable, does the same.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serve /metrics (Prometheus text) behind X-Admin-Key.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Instrument with no exporter of ours, for one registered elsewhere (a test's in-memory exporter).</summary>
    public bool Enabled { get; set; }

    public const string MetricsPath = "/metrics";

    public bool Otlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool On => Enabled || Prometheus || Otlp;

    /// <summary>Read while the host is built (the exporters are chosen then), the standard variable included.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Dnd:Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Otlp && configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard)
        {
            options.OtlpEndpoint = standard;
        }
        return options;
    }
}
