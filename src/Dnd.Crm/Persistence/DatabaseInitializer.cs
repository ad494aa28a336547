using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Crm.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the schema to the latest migration (a database of the release before migrations is first baselined);
    /// on SQLite turns on WAL so readers never block the writer.
    /// </summary>
    public static async Task InitializeAsync(CrmDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder) && path != ":memory:")
            {
                Directory.CreateDirectory(folder);
            }
        }
        await LegacyBaseline.ApplyAsync(db, ct);
        // MigrateAsync also diffs the model against the last migration's snapshot, a good part of start-up; with nothing
        // pending there is nothing to apply (a model change without its migration fails ModelMigrationsTests instead).
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct) || (await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
