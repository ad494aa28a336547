namespace Dnd.Host.OperatorApp.Components;

/// <summary>
/// Live update for an open screen: every <c>every</c>, one cheap read of a stamp (a contact's revision, its message
/// counts) and, when it moved, a reload. Polling rather than the CRM's ICommitWatcher: a commit watcher hears only of
/// rows added in this process (and sits on every write's hot path), while a PostgreSQL deployment may take the webhook
/// on another server; one indexed read per open screen every two seconds is cheap.
/// </summary>
/// <param name="moved">Whether what the screen shows is out of date (reads the stamp, compares it with the screen's).</param>
public sealed class ChangePoller(TimeSpan every, Func<CancellationToken, Task<bool>> moved, Func<Task> reload, ILogger log, string what)
    : IDisposable
{
    private readonly PeriodicTimer _timer = new(every);

    /// <summary>Polls until <paramref name="stop"/> is cancelled; started once the screen is interactive.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (await moved(stop))
                    {
                        await reload();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
                {
                    // Tried again at the next tick; the screen keeps what it shows.
                    log.LogWarning(e, "{What}: checking for changes failed", what);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The screen was closed.
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping before the circuit closed: nothing left to poll.
        }
    }

    public void Dispose() => _timer.Dispose();
}
