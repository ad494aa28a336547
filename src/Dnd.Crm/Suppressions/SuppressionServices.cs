using Dnd.Crm.Consent;
using Dnd.Crm.Jobs;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Suppressions;

public static class SuppressionServices
{
    /// <summary>Mailgun's suppression lists kept in step with DND: a lift takes the address off them, a connect imports them.</summary>
    public static IServiceCollection AddDndSuppressions(this IServiceCollection services)
    {
        services.AddSingleton<SuppressionRemovals>();
        services.AddSingleton<IConsentFollower>(sp => sp.GetRequiredService<SuppressionRemovals>());
        services.AddSingleton<ICommitWatcher>(sp => sp.GetRequiredService<SuppressionRemovals>());
        services.AddSingleton<MailgunSuppressions>();
        services.AddScoped<SuppressionImport>();
        services.AddScoped<SuppressionImportJobs>();
        services.AddJobHandler<SuppressionImportHandler>();
        services.AddSingleton<SuppressionRemover>();
        services.AddHostedService(sp => sp.GetRequiredService<SuppressionRemover>());
        return services;
    }
}
