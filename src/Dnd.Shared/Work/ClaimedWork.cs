namespace Dnd.Shared.Work;

/// <summary>
/// One pass of a worker over the items it claims (leases in the database), shaped for a graceful stop: the stop starts
/// no more of them, one started runs to its end (its own timeout bounds it) so its outcome can be recorded, and the
/// claimed ones never started are handed back at once — another host (or this one restarted) takes them now, not a
/// lease later. The outbox, the outbound webhooks and the suppression removals each run their passes through it.
/// </summary>
public static class ClaimedWork
{
    /// <param name="claim">Claims the items, adding each write's to the list as it commits: a stop between two writes hands back the first's.</param>
    /// <param name="work">One item, not cancelled by the stop: what it started at a provider runs to its answer.</param>
    /// <param name="release">The claimed items never started; called on a stop only, and should not be cancellable.</param>
    /// <param name="slots">Held around each item, when passes running side by side share one bound.</param>
    /// <returns>How many items were claimed (and worked).</returns>
    /// <exception cref="OperationCanceledException">On a stop, after <paramref name="release"/>.</exception>
    public static async Task<int> RunAsync<T>(Func<List<T>, Task> claim, int concurrency, Func<T, Task> work, Func<IReadOnlyList<T>, Task> release,
        CancellationToken stopping, SemaphoreSlim? slots = null)
    {
        var claimed = new List<T>();
        var started = Array.Empty<bool>();
        try
        {
            await claim(claimed);
            started = new bool[claimed.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, claimed.Count),
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stopping }, async (i, _) =>
                {
                    if (slots is not null)
                    {
                        await slots.WaitAsync(stopping);
                    }
                    try
                    {
                        Volatile.Write(ref started[i], true);
                        await work(claimed[i]);
                    }
                    finally
                    {
                        slots?.Release();
                    }
                });
            return claimed.Count;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            var unstarted = claimed.Where((_, i) => i >= started.Length || !Volatile.Read(ref started[i])).ToList();
            if (unstarted.Count > 0)
            {
                await release(unstarted);
            }
            throw;
        }
    }
}
