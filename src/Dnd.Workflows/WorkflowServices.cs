using Dnd.Rules.Engine;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Contacts;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Dnd.Workflows.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dnd.Workflows;

public static class WorkflowServices
{
    /// <summary>Registers the consent engine, persistence, messaging and the durable workflow runtime.</summary>
    /// <param name="database">Picks provider and connection once services exist, so configuration added late (tests) is seen.</param>
    public static IServiceCollection AddDndWorkflows(this IServiceCollection services, Func<IServiceProvider, (string Provider, string ConnectionString)> database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var (provider, connectionString) = database(sp);
            return new DatabaseTarget(provider, connectionString);
        });
        services.AddDbContext<DndDbContext>((sp, o) =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            DatabaseProvider.Configure(o, target.Provider, target.ConnectionString);
        }, optionsLifetime: ServiceLifetime.Singleton); // built once, not per request
        services.TryAddSingleton(DndRuleSet.Default);
        services.AddSingleton(sp => new ConsentEngine(new NRulesPolicy(sp.GetRequiredService<DndRuleSet>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AccountLocks>();
        services.AddSingleton<SqliteWriters>();
        services.AddScoped<AccountWrites>();
        services.AddSingleton<AccountCache>();
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
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<WorkflowDrafts>();
        services.AddSingleton<WorkflowTemplates>();
        services.AddScoped<WorkflowWrites>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<TriggerDispatcher>();
        services.AddSingleton<InboundReplies>();
        services.AddSingleton<WorkflowWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowWorker>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
