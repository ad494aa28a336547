using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Crm.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the schema to the latest migration (a database of the release before migrations is first baselined);
    /// on SQLite turns on WAL so readers never block the writer. An existing SQLite database is copied aside before
    /// anything is migrated (<see cref="BackupPath"/>): a migration that rebuilds a table cannot run in one transaction
    /// there, so a crash in the middle would otherwise leave nothing to go back to.
    /// </summary>
    public static async Task InitializeAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var file = SqliteFile(db);
        if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        // Hosts sharing a PostgreSQL database migrate one after another (SQLite has one server process by design).
        await using var startup = db.Database.IsNpgsql() ? await PostgresStartupLock.AcquireAsync(db, ct) : null;
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct);
        // MigrateAsync also diffs the model against the last migration's snapshot, a good part of start-up; with nothing
        // pending there is nothing to apply (a model change without its migration fails ModelMigrationsTests instead).
        var pending = exists ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList() : null;
        // A copy already there is from an earlier start that did not finish migrating: it is the one to keep.
        if (file is not null && pending is [var first, ..] && !File.Exists(BackupPath(file, first)))
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [BackupPath(file, first)], ct);
        }
        await LegacyBaseline.ApplyAsync(db, ct);
        if (!exists || pending is { Count: > 0 })
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Where an SQLite database is copied before <paramref name="migration"/> (the first pending one) is applied.</summary>
    public static string BackupPath(string databaseFile, string migration) => $"{databaseFile}.before-{migration}.bak";

    /// <summary>The database's file, when it is an SQLite file (not in memory).</summary>
    private static string? SqliteFile(CrmDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return path is "" or ":memory:" ? null : Path.GetFullPath(path);
    }
}
