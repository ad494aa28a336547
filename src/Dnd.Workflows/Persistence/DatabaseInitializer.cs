using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the schema to the latest migration (a database of the release before migrations is first baselined);
    /// on SQLite turns on WAL so readers never block the writer.
    /// </summary>
    public static async Task InitializeAsync(DndDbContext db, CancellationToken ct = default)
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
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
