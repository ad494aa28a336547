namespace Dnd.Host.Telemetry;

/// <summary>
/// JSON console logs (one object a line, scopes as fields: account, contact and message ids) when Dnd:Logging:Json is
/// true, and by default in Production, where a collector reads them; elsewhere the readable console stays.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddDndLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool?>("Dnd:Logging:Json") ?? builder.Environment.IsProduction();
        if (json)
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
}
