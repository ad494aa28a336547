namespace Dnd.Workflows.Persistence;

/// <summary>
/// Wakes the background worker as soon as new work is committed (a pending trigger), instead of waiting for its next
/// poll. Pulsed by the writes themselves once they commit (<see cref="AccountWrites"/>, <see cref="DndDbContext"/>), so
/// an event that starts nothing does not wake it.
/// </summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Pulse()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers all pending work.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);
}
