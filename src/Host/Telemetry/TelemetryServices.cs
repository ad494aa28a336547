using Dnd.Host.Auth;
using Dnd.Host.Configuration.Validation;
using Dnd.Shared.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dnd.Host.Telemetry;

public static class TelemetryServices
{
    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, EF Core, the Dnd source) and metrics (the Dnd meter, ASP.NET Core's and the
    /// runtime's) exported over OTLP and/or to /metrics, only when one is configured (<see cref="TelemetryOptions.On"/>):
    /// off, nothing listens and the instruments cost a null check. JSON console logs per <see cref="LoggingSetup"/>.
    /// </summary>
    public static WebApplicationBuilder AddDndTelemetry(this WebApplicationBuilder builder)
    {
        builder.AddDndLogging();
        var options = TelemetryOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        // The same values as options, so a bad one stops the server before it starts (the exporter is chosen below, now).
        builder.Services.AddOptions<TelemetryOptions>().Bind(builder.Configuration.GetSection(TelemetryOptions.Section))
            .PostConfigure(o => o.TakeStandard(builder.Configuration));
        builder.Services.Rules<TelemetryOptions>(TelemetryOptions.Section, (o, p) => p
            .Must("OtlpProtocol", o.Protocol is not null, $"must be '{TelemetryOptions.Grpc}' or '{TelemetryOptions.HttpProtobuf}'", o.OtlpProtocol));
        if (!options.On)
        {
            return builder;
        }
        builder.Services.AddSingleton<TelemetryGauges>();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddSource(DndTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments(TelemetryOptions.MetricsPath);
                    o.EnrichWithHttpResponse = TraceRedaction.Request;
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = TraceRedaction.Outgoing)
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(DndTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddMeter("System.Runtime"));
        if (options.Otlp)
        {
            // An unknown protocol never exports: the settings check stops the server first.
            telemetry.UseOtlpExporter(options.Protocol ?? OtlpExportProtocol.Grpc, new Uri(options.OtlpEndpoint!));
        }
        if (options.Prometheus)
        {
            telemetry.WithMetrics(metrics => metrics.AddPrometheusExporter());
        }
        return builder;
    }

    /// <summary>Webhook log scopes (JSON logs only); webhook timing, the gauges and /metrics behind the admin key (telemetry on only).</summary>
    public static WebApplication UseDndTelemetry(this WebApplication app)
    {
        app.UseDndLogScopes();
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.On)
        {
            return app;
        }
        app.Services.GetRequiredService<TelemetryGauges>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(WebhookTelemetryMiddleware.Prefix), webhooks => webhooks.UseMiddleware<WebhookTelemetryMiddleware>());
        if (options.Prometheus)
        {
            // Outside the OpenAPI document like the framework's own endpoints: it is off by default, and its body is
            // Prometheus's text format, not an API shape. The credential middleware checks the key, as for /admin.
            app.MapPrometheusScrapingEndpoint(TelemetryOptions.MetricsPath).WithMetadata(Credential.AdminKey).ExcludeFromDescription();
        }
        return app;
    }
}
