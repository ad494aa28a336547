using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Several hosts starting together on one PostgreSQL database prepare it one at a time: each holds this session-level
/// advisory lock while it creates, baselines and migrates, so the next one finds the schema done instead of applying
/// the same migration again ("column already exists"). A host killed while holding it frees it with its connection.
/// </summary>
public sealed class PostgresStartupLock : IAsyncDisposable
{
    /// <summary>Any fixed key: advisory locks are per database, and this one is only ever taken at start-up.</summary>
    private const long Key = 0x446e645f53747274; // "Dnd_Strt"

    private readonly DatabaseFacade _database;

    private PostgresStartupLock(DatabaseFacade database) => _database = database;

    public static async Task<PostgresStartupLock> AcquireAsync(DbContext db, CancellationToken ct)
    {
        // The lock lives in the database, so the database must be there first; the hosts race to create it.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (DbException e) when (e.SqlState is "42P04" or "23505")
            {
                // duplicate_database (or its catalog's unique index): another host created it first.
            }
        }
        // Opened here, the connection stays open (and the session with it) until the lock is disposed.
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", ct);
        return new PostgresStartupLock(db.Database);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
        }
        finally
        {
            await _database.CloseConnectionAsync();
        }
    }
}
