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
    /// <returns>The migrations still pending afterwards: none, unless another server added some meanwhile.</returns>
    public static async Task<IReadOnlyList<string>> InitializeAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var file = SqliteFile(db);
        if (file is not null && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        // Hosts sharing a PostgreSQL database migrate one after another (SQLite has one server process by design).
        await using var startup = db.Database.IsNpgsql() ? await PostgresStartupLock.AcquireAsync(db, ct) : null;
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct);
        // A new SQLite file is made from the shipped script; anything it lacks is migrated below as usual.
        if (!exists && file is not null && NewDatabaseScript.For(db) is { } script)
        {
            await PlainSql.ExecuteAsync(db.Database, script, ct);
            exists = true;
        }
        // MigrateAsync also diffs the model against the last migration's snapshot, a good part of start-up; with nothing
        // pending there is nothing to apply (a model change without its migration fails ModelMigrationsTests instead).
        var pending = exists ? await PendingAsync(db, ct) : null;
        // Up to date is the common start; then the history has rows, so there is no baseline to record either.
        if (pending is not [])
        {
            // A copy already there is from an earlier start that did not finish migrating: it is the one to keep.
            if (file is not null && pending is [var first, ..] && !File.Exists(BackupPath(file, first)))
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [BackupPath(file, first)], ct);
            }
            await LegacyBaseline.ApplyAsync(db, ct);
            await db.Database.MigrateAsync(ct);
            pending = await PendingAsync(db, ct);
        }
        if (db.Database.IsSqlite())
        {
            // Kept in the file once set; set again for a file that came without it (a restored VACUUM INTO copy).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        return pending;
    }

    /// <summary>The migrations this release has that the database has not applied.</summary>
    private static async Task<IReadOnlyList<string>> PendingAsync(CrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite() && await SqliteMigrationHistory.AppliedAsync(db.Database, ct) is { } applied)
        {
            return db.Database.GetMigrations().Except(applied).ToList();
        }
        return (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
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
