using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Jobs;

public static class JobServices
{
    /// <summary>The job queue and its runner (a hosted service); handlers are added by whoever defines a kind of job.</summary>
    public static IServiceCollection AddDndJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddScoped<JobQueue>();
        return services;
    }

    /// <summary>A kind of job: its handler, found by its <see cref="IJobHandler.Kind"/> when a job of it runs.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler =>
        services.AddScoped<IJobHandler, THandler>();
}
