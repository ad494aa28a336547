namespace Dnd.Shared.Signals;

/// <summary>
/// Wakes a background worker as soon as new work is committed (a workflow's pending trigger, a suppression removal),
/// instead of waiting for its next poll. Pulsed once a write commits rows of the worker's kind, so a write that gives
/// it nothing to do does not wake it.
/// </summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _signalled;

    /// <summary>
    /// Wakes the worker, or does nothing when a wake-up is already pending: one covers all the work committed before
    /// the worker's next pass. (Releasing the full semaphore instead threw and caught an exception per pulse,
    /// thousands a second under a STOP load.)
    /// </summary>
    public void Pulse()
    {
        if (Interlocked.CompareExchange(ref _signalled, 1, 0) == 0)
        {
            _semaphore.Release();
        }
    }

    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var woken = await _semaphore.WaitAsync(timeout, ct);
        if (woken)
        {
            // Before the pass reads the database: a pulse from here on is for work the pass may miss, so it wakes again.
            Volatile.Write(ref _signalled, 0);
        }
        return woken;
    }
}
