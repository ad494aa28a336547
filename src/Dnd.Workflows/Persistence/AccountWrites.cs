using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Workflows.Persistence;

/// <summary>
/// The serialization point of consent: every write that can change what a contact may receive (consent events,
/// contact edits and deletes, workflow steps, sends, webhook idempotency records) runs in a transaction that holds
/// its account's write lock, so each one reads the state the previous one committed and nothing is lost or
/// written twice. In process the lock is <see cref="AccountLocks"/>; across processes it is the database's:
/// a transaction-scoped advisory lock on PostgreSQL, the database write lock (BEGIN IMMEDIATE) on SQLite.
/// Scoped: one per DbContext. Nested begins for the same account join the open write.
/// </summary>
public sealed class AccountWrites(DndDbContext db, AccountLocks locks)
{
    private string? _account;

    public async Task<AccountWrite> BeginAsync(string accountId, CancellationToken ct = default)
    {
        if (_account is not null)
        {
            return _account == accountId
                ? AccountWrite.Joined
                : throw new InvalidOperationException($"A write for account {_account} is open; {accountId} cannot join it.");
        }
        if (db.Database.CurrentTransaction is not null)
        {
            // Taking the lock inside another transaction could deadlock against a writer holding the lock and
            // waiting for the database; the caller must begin here instead.
            throw new InvalidOperationException("An account write must begin before any other transaction.");
        }
        var held = await locks.AcquireAsync(accountId, ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(accountId)})", ct);
            }
            _account = accountId;
            return new AccountWrite(tx, held, () => _account = null);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>A stable 64-bit key per account (string.GetHashCode differs between processes).</summary>
    private static long LockKey(string accountId) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("dnd-account:" + accountId)), 0);
}

/// <summary>An open account write; Commit ends it, disposing without commit rolls it back.</summary>
public sealed class AccountWrite : IAsyncDisposable
{
    public static readonly AccountWrite Joined = new(null, null, null);

    private readonly IDbContextTransaction? _tx;
    private readonly IDisposable? _lock;
    private readonly Action? _closed;
    private bool _disposed;

    internal AccountWrite(IDbContextTransaction? tx, IDisposable? held, Action? closed) => (_tx, _lock, _closed) = (tx, held, closed);

    /// <summary>Commits an outermost write; a joined write is committed by its owner.</summary>
    public Task CommitAsync(CancellationToken ct = default) => _tx?.CommitAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_tx is null || _disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await _tx.DisposeAsync();
        }
        finally
        {
            _closed!();
            _lock!.Dispose();
        }
    }
}
