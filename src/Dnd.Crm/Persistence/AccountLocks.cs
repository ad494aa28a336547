using System.Collections.Concurrent;

namespace Dnd.Crm.Persistence;

/// <summary>
/// One async lock per account in this process. Writers of one account queue here in arrival order instead of
/// contending for the database's lock (SQLite retries a busy lock with sleeps; PostgreSQL would park connections).
/// </summary>
public sealed class AccountLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string accountId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(accountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
