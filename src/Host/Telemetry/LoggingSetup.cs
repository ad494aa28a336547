using Dnd.Shared.Telemetry;

namespace Dnd.Host.Telemetry;

/// <summary>
/// JSON console logs (one object a line, scopes as fields: account, contact and message ids) when Dnd:Logging:Json is
/// true, and by default in Production, where a collector reads them; elsewhere the readable console stays.
/// </summary>
public static class LoggingSetup
{
    public static bool JsonLogs(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Dnd:Logging:Json") ?? environment.IsProduction();

    public static WebApplicationBuilder AddDndLogging(this WebApplicationBuilder builder)
    {
        if (JsonLogs(builder.Configuration, builder.Environment))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
            // ASP.NET Core's request scope (RequestPath, RequestId) would stand in every line of a request, and the path of an
            // unsubscribe or preference link is its token. Off, the framework makes no such scope: lines carry the ids the
            // product's own scopes give (account, contact, message) and, while a trace is recorded, its trace and span ids.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }
        return builder;
    }

    /// <summary>
    /// A webhook's lines carry its account id as a field. Only with JSON logs, the one output that writes scopes: the
    /// webhook path is benchmarked, and a scope nobody prints is work for nothing.
    /// </summary>
    public static WebApplication UseDndLogScopes(this WebApplication app)
    {
        if (!JsonLogs(app.Configuration, app.Environment))
        {
            return app;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dnd.Webhooks");
        app.UseWhen(http => http.Request.Path.StartsWithSegments(WebhookTelemetryMiddleware.Prefix), webhooks => webhooks.Use(async (http, next) =>
        {
            using var scope = http.GetRouteValue("accountId") is string accountId ? logger.BeginScope(LogFields.Ids(accountId)) : null;
            await next(http);
        }));
        return app;
    }
}
