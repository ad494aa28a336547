namespace Dnd.Host.Startup;

/// <summary>
/// Runs <see cref="ServerStartup.PrepareAsync"/> while Kestrel starts, on the other core: the host's start (and so
/// `app.Run`, and a test's factory) completes only once it has, requests wait for it at the pipeline's door
/// (<see cref="StartupGateMiddleware"/>), and every other background service starts after it (<see cref="AfterPreparation"/>).
/// A failed preparation fails the host's start, as before.
/// </summary>
public sealed class ServerPreparation(IServiceProvider services) : IHostedLifecycleService
{
    private readonly TaskCompletionSource _prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _begun;

    /// <summary>Completes when the schema, key ring, seed accounts and rules are ready; faults when they cannot be.</summary>
    public Task Prepared => _prepared.Task;

    /// <summary>Its registration as a hosted service (the one singleton the gate also waits on).</summary>
    public static IHostedService AsHostedService(IServiceProvider services) => services.GetRequiredService<ServerPreparation>();

    /// <summary>
    /// Begins the preparation now (once): Program calls it as soon as the host is built and the settings are checked,
    /// about 40 ms before the host's start would; a host started otherwise begins it in <see cref="StartingAsync"/>.
    /// </summary>
    public void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await ServerStartup.PrepareAsync(services);
                _prepared.TrySetResult();
            }
            catch (Exception e)
            {
                _prepared.TrySetException(e);
            }
        });
    }

    public Task StartingAsync(CancellationToken ct)
    {
        Begin();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken ct) => Prepared.WaitAsync(ct);

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
