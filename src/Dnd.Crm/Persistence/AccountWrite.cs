namespace Dnd.Crm.Persistence;

/// <summary>
/// An open account write. CommitAsync returns once the write is durably committed; disposing without commit undoes
/// it. A joined write (a nested begin for the same account) does neither: its owner does.
/// </summary>
public sealed class AccountWrite : IAsyncDisposable
{
    public static readonly AccountWrite Joined = new(null, null, null);

    private readonly Func<Task>? _commit;
    private readonly Func<ValueTask>? _abandon;
    private readonly Action<bool>? _closed;
    private readonly Func<ValueTask>? _afterCommit;
    private bool _committed;
    private bool _disposed;

    /// <param name="closed">Called once the write is over, with whether it committed.</param>
    internal AccountWrite(Func<Task>? commit, Func<ValueTask>? abandon, Action<bool>? closed, Func<ValueTask>? afterCommit = null) =>
        (_commit, _abandon, _closed, _afterCommit) = (commit, abandon, closed, afterCommit);

    /// <summary>Commits an outermost write; a joined write is committed by its owner.</summary>
    public async Task CommitAsync(CancellationToken ct = default)
    {
        if (_commit is null || _committed || _disposed)
        {
            return;
        }
        _committed = true;
        var kept = false;
        try
        {
            await _commit();
            kept = true;
        }
        finally
        {
            await CloseAsync(_afterCommit, kept);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_commit is null || _committed)
        {
            return;
        }
        await CloseAsync(_abandon, committed: false);
    }

    private async ValueTask CloseAsync(Func<ValueTask>? end, bool committed)
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            if (end is not null)
            {
                await end();
            }
        }
        finally
        {
            _closed!(committed);
        }
    }
}
