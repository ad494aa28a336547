namespace Dnd.Crm.Persistence;

/// <summary>
/// The registered <see cref="ICommitWatcher"/>s. A write notes, as a bit mask, which of them its added rows concern
/// (no allocation per write) and tells those once it has committed.
/// </summary>
public sealed class CommitWatchers
{
    private readonly ICommitWatcher[] _all;

    public CommitWatchers(IEnumerable<ICommitWatcher> watchers)
    {
        _all = watchers.ToArray();
        if (_all.Length > 64)
        {
            throw new InvalidOperationException($"{_all.Length} commit watchers registered; a write notes at most 64.");
        }
    }

    public bool HasAny => _all.Length > 0;

    /// <returns><paramref name="mask"/> with the bits of the watchers that want <paramref name="row"/>.</returns>
    public ulong Noted(ulong mask, object row)
    {
        for (var i = 0; i < _all.Length; i++)
        {
            if (_all[i].Wants(row))
            {
                mask |= 1UL << i;
            }
        }
        return mask;
    }

    /// <summary>Tells the watchers of <paramref name="mask"/> that their rows are committed.</summary>
    public void Committed(ulong mask)
    {
        for (var i = 0; mask != 0 && i < _all.Length; i++, mask >>= 1)
        {
            if ((mask & 1) != 0)
            {
                _all[i].Committed();
            }
        }
    }
}
