namespace Dnd.Host.Startup;

public static class StartupServices
{
    /// <summary>
    /// The database and rules are prepared while Kestrel starts (<see cref="ServerPreparation"/>). Call it after every
    /// other Add…: the background services registered by then start once that preparation is done.
    /// </summary>
    public static WebApplicationBuilder AddDndStartupPreparation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var background = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var descriptor in background)
        {
            services.Remove(descriptor);
        }
        services.AddSingleton<ServerPreparation>();
        // First, so that its StartingAsync begins the preparation before any other service starts.
        services.AddSingleton<IHostedService>(ServerPreparation.AsHostedService);
        foreach (var descriptor in background)
        {
            services.AddSingleton<IHostedService>(sp => new AfterPreparation(Resolve(sp, descriptor), sp.GetRequiredService<ServerPreparation>()));
        }
        return builder;
    }

    /// <summary>Begins the preparation at once (after the settings check and the database commands, which must come first).</summary>
    public static WebApplication BeginDndPreparation(this WebApplication app)
    {
        app.Services.GetRequiredService<ServerPreparation>().Begin();
        return app;
    }

    /// <summary>Requests wait for the preparation: the first middleware.</summary>
    public static WebApplication UseDndStartupGate(this WebApplication app)
    {
        app.UseMiddleware<StartupGateMiddleware>();
        return app;
    }

    private static IHostedService Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => (IHostedService)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
