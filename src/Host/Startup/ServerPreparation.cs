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
    private readonly List<Task> _starts = [];

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

    /// <summary>A background service's start after the preparation (<see cref="AfterPreparation"/>), which the host's start awaits.</summary>
    public void Track(Task start)
    {
        lock (_starts)
        {
            _starts.Add(start);
        }
    }

    /// <summary>
    /// The host's start completes once the preparation has and every background service has started: a failure of
    /// either fails it, as before. Requests need only the preparation (<see cref="StartupGateMiddleware"/>), which also
    /// loads what they rely on (the outbound webhooks' subscriptions); the services' first passes, each compiling its
    /// queries, would otherwise hold both cores while the first requests wait.
    /// </summary>
    public async Task StartedAsync(CancellationToken ct)
    {
        try
        {
            await Prepared.WaitAsync(ct);
            Task[] starts;
            lock (_starts)
            {
                starts = [.. _starts];
            }
            await Task.WhenAll(starts).WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped while starting (a SIGTERM right after the first healthy answer): a stop, not a failed start. Each
            // service's stop cancels or awaits its own start (AfterPreparation).
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
