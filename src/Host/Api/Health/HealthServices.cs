namespace Dnd.Host.Api.Health;

public static class HealthServices
{
    /// <summary>The readiness checks and their thresholds (Dnd:Health).</summary>
    public static WebApplicationBuilder AddDndHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection("Dnd:Health"));
        builder.Services.AddScoped<ReadinessChecks>();
        return builder;
    }
}
