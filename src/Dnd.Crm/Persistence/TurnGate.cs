namespace Dnd.Crm.Persistence;

/// <summary>
/// A one-at-a-time gate whose priority waiters go first. The SQLite writer's turn: the batch writer of the provider
/// webhooks waits with priority, so a burst of background workflow writes, each a turn of its own, cannot make
/// every webhook wait behind all of them. Background writes still get every other turn while webhooks keep coming.
/// </summary>
public sealed class TurnGate
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource> _priority = new();
    private readonly Queue<TaskCompletionSource> _normal = new();
    private bool _held;

    public Task WaitAsync(bool priority, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return Task.CompletedTask;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (priority ? _priority : _normal).Enqueue(waiter);
        }
        if (ct.CanBeCanceled)
        {
            // A cancelled waiter stays queued but can no longer be handed the turn: Release skips it.
            var registration = ct.Register(() => waiter.TrySetCanceled(ct));
            waiter.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }
        return waiter.Task;
    }

    /// <summary>Hands the turn to the next waiter still waiting, priority first, or frees it.</summary>
    public void Release()
    {
        lock (_lock)
        {
            while (_priority.TryDequeue(out var next) || _normal.TryDequeue(out next))
            {
                if (next.TrySetResult())
                {
                    return;
                }
            }
            _held = false;
        }
    }
}
