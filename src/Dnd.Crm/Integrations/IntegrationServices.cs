using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Integrations;

public static class IntegrationServices
{
    /// <summary>
    /// The providers an account connects: Data Protection with its key ring in <typeparamref name="TContext"/> (so every
    /// replica and restart unprotects the same secrets), the store, the directory the outbox reads, and the credential checks.
    /// </summary>
    public static IServiceCollection AddDndIntegrations<TContext>(this IServiceCollection services) where TContext : CrmDbContext
    {
        services.AddDataProtection().SetApplicationName("Dnd");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new KeyRingRepository<TContext>(scopes));
        services.AddSingleton<IntegrationSecrets>();
        services.AddScoped<IntegrationStore>();
        services.AddScoped<IntegrationDirectory>();
        services.AddScoped<IntegrationVerifier>();
        services.AddHttpClient<TwilioVerifier>();
        services.AddHttpClient<MailgunVerifier>();
        services.AddHttpClient<MetaVerifier>();
        services.AddSingleton<SmtpVerifier>();
        return services;
    }
}
