using Dnd.Activities.Persistence;
using Dnd.Activities.Triggers;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Activities;

public static class ActivityServices
{
    /// <summary>
    /// Registers every [Activity] class of this assembly and the registry built from them (Elsa's AddActivitiesFrom),
    /// and joins the engine to the CRM: workflow writes are CRM account writes, a DND change stages its trigger, and
    /// a committed trigger wakes the worker.
    /// </summary>
    public static IServiceCollection AddDndActivities(this IServiceCollection services)
    {
        foreach (var type in ActivityRegistry.Discover(typeof(ActivityServices).Assembly))
        {
            services.AddSingleton(typeof(IActivity), type);
        }
        services.AddSingleton<ITemplateSyntax, ScribanTemplateSyntax>();
        services.AddSingleton(sp => new ActivityRegistry(sp.GetServices<IActivity>(), sp.GetRequiredService<ITemplateSyntax>()));
        services.AddScoped<DndWorkflowWrites>();
        services.AddScoped<IWorkflowWrites>(sp => sp.GetRequiredService<DndWorkflowWrites>());
        services.AddSingleton<IConsentFollower, DndChangedTriggers>();
        services.AddSingleton<ICommitWatcher, PendingTriggerWatcher>();
        return services;
    }
}
