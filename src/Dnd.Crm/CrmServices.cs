using Dnd.Crm.Delivery;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Integrations;
using Dnd.Crm.Jobs;
using Dnd.Crm.Messaging;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using Dnd.Crm.Reviews;
using Dnd.Crm.Suppressions;
using Dnd.Crm.Imports;
using Dnd.Crm.Subscriptions;
using Dnd.Crm.Templates;
using Dnd.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dnd.Crm;

public static class CrmServices
{
    /// <summary>
    /// Registers contacts, consent (the rules engine and its ordered write path), messaging and templates on the
    /// application's database: <typeparamref name="TContext"/>, the CRM's context or one derived from it that maps
    /// more tables beside the CRM's.
    /// </summary>
    /// <param name="database">Picks provider and connection once services exist, so configuration added late (tests) is seen.</param>
    public static IServiceCollection AddDndCrm<TContext>(this IServiceCollection services,
        Func<IServiceProvider, (string Provider, string ConnectionString)> database) where TContext : CrmDbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var (provider, connectionString) = database(sp);
            return new DatabaseTarget(provider, connectionString);
        });
        services.AddDbContext<TContext>((sp, o) =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            DatabaseProvider.Configure(o, target.Provider, target.ConnectionString);
        }, optionsLifetime: ServiceLifetime.Singleton); // built once, not per request
        if (typeof(TContext) != typeof(CrmDbContext))
        {
            services.AddScoped<CrmDbContext>(sp => sp.GetRequiredService<TContext>());
        }
        services.TryAddSingleton(DndRuleSet.Default);
        services.AddSingleton(sp => new ConsentEngine(new NRulesPolicy(sp.GetRequiredService<DndRuleSet>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CommitWatchers>();
        services.AddSingleton<AccountLocks>();
        services.AddSingleton<SqliteWriters>();
        services.AddSingleton<SchemaStatus>();
        services.AddScoped<AccountWrites>();
        services.AddSingleton<AccountCache>();
        services.AddSingleton<IIntegrationCache>(sp => sp.GetRequiredService<AccountCache>());
        services.AddDndIntegrations<TContext>();
        services.AddDndDelivery();
        services.AddDndSuppressions();
        services.AddScoped<AccountSettingsStore>();
        services.AddScoped<IConsentRows, EfConsentRows>();
        services.AddScoped<ConsentStore>();
        services.AddScoped<ConsentApplier>();
        services.AddScoped<ConsentService>();
        services.AddScoped<ConsentWrites>();
        services.AddScoped<ContactBook>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<MessageComposer>();
        services.AddScoped<OutboundMessenger>();
        services.AddSingleton<QuietHoursPolicy>();
        services.AddScoped<ReviewDesk>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddDndJobs();
        services.AddDndOutboundWebhooks();
        services.AddSingleton<ImportRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportRetention>());
        return services;
    }
}
