using Dnd.Host.Startup;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// The Host for fuzzing: the shipped workflows, none of our background services (the workflow worker and outbox
/// dispatcher write on their own schedule, so a database change during a refused request could not be blamed on
/// it), and server logs captured for the report instead of printed.
/// </summary>
public static class FuzzApp
{
    public static DndApp Create(ServerErrors errors) => new(workflowsFolder: RepoPaths.Workflows, services: services =>
    {
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService) && IsOurs(d)).ToList())
        {
            services.Remove(hosted);
        }
        services.RemoveAll<ILoggerProvider>();
        services.AddSingleton<ILoggerProvider>(errors);
    });

    /// <summary>
    /// Background services registered by this repository's code (each wrapped in AfterPreparation). The web host's own
    /// must stay, and so must the start-up preparation, which is not one: it makes the schema the tests use.
    /// </summary>
    public static bool IsOurs(ServiceDescriptor d)
    {
        var type = d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.DeclaringType;
        return type != typeof(ServerPreparation) && type?.Assembly.GetName().Name?.StartsWith("Dnd.", StringComparison.Ordinal) == true;
    }

    /// <summary>Fails loudly if a background service of ours still runs, since the state checks would then lie.</summary>
    public static void EnsureQuiet(DndApp app)
    {
        var running = app.Services.GetServices<IHostedService>()
            .Where(s => s is not ServerPreparation && s.GetType().Assembly.GetName().Name?.StartsWith("Dnd.", StringComparison.Ordinal) == true).ToList();
        if (running.Count > 0)
        {
            throw new InvalidOperationException("Background services still registered: " + string.Join(", ", running.Select(s => s.GetType().Name)));
        }
    }
}
