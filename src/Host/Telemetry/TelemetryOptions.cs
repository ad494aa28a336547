using OpenTelemetry.Exporter;

namespace Dnd.Host.Telemetry;

/// <summary>Dnd:Telemetry. Everything is off unless an exporter is configured: no listener, no per-request work.</summary>
public sealed class TelemetryOptions
{
    /// <summary>OTLP collector address; OTEL_EXPORTER_OTLP_ENDPOINT, the standard variable, does the same.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// How the collector is spoken to: "grpc" (the default, port 4317) or "http/protobuf" (port 4318, POST /v1/traces and
    /// /v1/metrics under the endpoint); OTEL_EXPORTER_OTLP_PROTOCOL, the standard variable, does the same.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    public const string Grpc = "grpc";

    public const string HttpProtobuf = "http/protobuf";

    /// <summary>The exporter's protocol; null for a value that is neither (refused before the server starts).</summary>
    public OtlpExportProtocol? Protocol => OtlpProtocol?.Trim().ToLowerInvariant() switch
    {
        null or "" or Grpc => OtlpExportProtocol.Grpc,
        HttpProtobuf => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };

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
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.TakeStandard(configuration);
        return options;
    }

    public const string Section = "Dnd:Telemetry";

    /// <summary>The standard OTEL_EXPORTER_OTLP_* variables, for what Dnd:Telemetry leaves unset.</summary>
    public void TakeStandard(IConfiguration configuration)
    {
        if (!Otlp && configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint)
        {
            OtlpEndpoint = endpoint;
        }
        if (string.IsNullOrWhiteSpace(OtlpProtocol) && configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is { Length: > 0 } protocol)
        {
            OtlpProtocol = protocol;
        }
    }
}
