using Dnd.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Activities;

public static class ActivityServices
{
    /// <summary>Registers every [Activity] class of this assembly and the registry built from them (Elsa's AddActivitiesFrom).</summary>
    public static IServiceCollection AddDndActivities(this IServiceCollection services)
    {
        foreach (var type in ActivityRegistry.Discover(typeof(ActivityServices).Assembly))
        {
            services.AddSingleton(typeof(IActivity), type);
        }
        services.AddSingleton(sp => new ActivityRegistry(sp.GetServices<IActivity>()));
        return services;
    }
}
