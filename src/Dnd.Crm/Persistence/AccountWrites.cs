using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Persistence;

/// <summary>
/// The serialization point of consent: every write that can change what a contact may receive (consent events,
/// contact edits and deletes, workflow steps, sends, webhook idempotency records) runs in a transaction that holds
/// its account's write lock, so each one reads the state the previous one committed and nothing is lost or
/// written twice. On SQLite every write takes its turn on the database's one writer (<see cref="SqliteGroupCommit"/>),
/// which commits writes in groups; on PostgreSQL the lock is <see cref="AccountLocks"/> in process and a
/// transaction-scoped advisory lock across processes.
/// Scoped: one per DbContext. Nested begins for the same account join the open write.
/// </summary>
public sealed class AccountWrites(CrmDbContext db, AccountLocks locks, SqliteWriters sqlite)
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
        var write = db.Database.IsSqlite() ? await BeginSqliteAsync(ct) : await BeginLockedAsync(accountId, ct);
        _account = accountId;
        return write;
    }

    /// <summary>The write is over: a committed one wakes the worker if it wrote pending triggers.</summary>
    private void Closed(bool committed)
    {
        _account = null;
        if (committed)
        {
            db.WakeIfNewWork();
        }
        else
        {
            db.ForgetNewWork();
        }
    }

    private async Task<AccountWrite> BeginSqliteAsync(CancellationToken ct)
    {
        var turn = await SqliteTurn.EnterAsync(db.Database, sqlite, ct);
        return new AccountWrite(
            commit: turn.CommitAsync,
            abandon: () =>
            {
                turn.Abandon();
                return ValueTask.CompletedTask;
            },
            closed: Closed);
    }

    private async Task<AccountWrite> BeginLockedAsync(string accountId, CancellationToken ct)
    {
        var held = await locks.AcquireAsync(accountId, ct);
        try
        {
            var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(accountId)})", ct);
            }
            return new AccountWrite(
                commit: () => tx.CommitAsync(),
                abandon: async () =>
                {
                    try
                    {
                        await tx.DisposeAsync();
                    }
                    finally
                    {
                        held.Dispose();
                    }
                },
                closed: Closed,
                afterCommit: async () =>
                {
                    await tx.DisposeAsync();
                    held.Dispose();
                });
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
