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
