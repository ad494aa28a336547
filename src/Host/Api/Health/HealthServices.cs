using Dnd.Host.Configuration.Validation;

namespace Dnd.Host.Api.Health;

public static class HealthServices
{
    /// <summary>The readiness checks and their thresholds (Dnd:Health).</summary>
    public static WebApplicationBuilder AddDndHealth(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HealthOptions>(builder.Configuration.GetSection("Dnd:Health"));
        builder.Services.Rules<HealthOptions>("Dnd:Health", (o, p) => p
            .Positive("DatabaseTimeout", o.DatabaseTimeout)
            .Positive("MaxOutboxLag", o.MaxOutboxLag)
            .Positive("MaxWorkflowLag", o.MaxWorkflowLag)
            .Positive("MaxJobLag", o.MaxJobLag)
            .Positive("MaxWebhookLag", o.MaxWebhookLag)
            .Positive("MaxSuppressionRemovalLag", o.MaxSuppressionRemovalLag));
        builder.Services.AddScoped<ReadinessChecks>();
        return builder;
    }
}
