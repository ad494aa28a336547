using Dnd.Shared.Signals;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dnd.Workflows;

public static class WorkflowServices
{
    /// <summary>
    /// Registers the durable workflow runtime and its worker. The application provides the rest: the DbContext
    /// <typeparamref name="TContext"/> that maps the engine's tables (<see cref="WorkflowModel"/>), its
    /// <see cref="IWorkflowWrites"/>, and the activities' <see cref="Activities.ActivityRegistry"/>.
    /// </summary>
    public static IServiceCollection AddDndWorkflows<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(sp => new WorkflowDb(sp.GetRequiredService<TContext>()));
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<WorkflowDrafts>();
        services.AddSingleton<WorkflowTemplates>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<TriggerDispatcher>();
        services.AddSingleton<InboundReplies>();
        services.AddSingleton<WorkflowWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowWorker>());
        return services;
    }
}
