using System.Collections.Concurrent;

namespace Dnd.Shared.Caching;

/// <summary>
/// A process-local cache of values read from the database, bounded in count and age. Only found values are kept: a
/// miss asks the database again, so something created after a miss is seen at once. A value the database changes is
/// dropped by <see cref="Invalidate"/> in the process that changed it; other processes see the change when their copy
/// expires.
/// </summary>
public sealed class ExpiringCache<TKey, TValue>(int capacity, TimeSpan timeToLive)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly long _timeToLiveMs = (long)timeToLive.TotalMilliseconds;

    // Bumped by every invalidation: a load that began before one may have read the old row, so it is not kept.
    private long _generation;

    private sealed record Entry(TValue Value, long ExpiresAtMs);

    /// <returns>The cached value, else what <paramref name="load"/> finds (null: not found, not cached).</returns>
    public async ValueTask<TValue?> GetOrLoadAsync<TState>(TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue?>> load,
        CancellationToken ct)
    {
        // A monotonic clock: the age of a copy is real time, whatever the application's TimeProvider says.
        if (_entries.TryGetValue(key, out var hit) && hit.ExpiresAtMs > Environment.TickCount64)
        {
            return hit.Value;
        }
        var generation = Interlocked.Read(ref _generation);
        var value = await load(key, state, ct);
        if (value is null || Interlocked.Read(ref _generation) != generation)
        {
            return value;
        }
        if (_entries.Count >= capacity)
        {
            Trim();
        }
        var entry = new Entry(value, Environment.TickCount64 + _timeToLiveMs);
        _entries[key] = entry;
        // An invalidation between the check above and the store would otherwise leave the old value for a whole
        // time-to-live: it bumps the generation before it removes, so one of the two always catches the entry.
        if (Interlocked.Read(ref _generation) != generation)
        {
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
        return value;
    }

    /// <summary>Call after the change is committed, so no load that starts afterwards can read the old row.</summary>
    public void Invalidate(TKey key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    /// <summary>Drops expired copies; when every copy is still fresh (more keys in use than the capacity), drops all.</summary>
    private void Trim()
    {
        var now = Environment.TickCount64;
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAtMs <= now)
            {
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            }
        }
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
    }
}
