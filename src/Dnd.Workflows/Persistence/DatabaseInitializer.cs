using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

public static class DatabaseInitializer
{
    /// <summary>Creates the schema if the database is new; on SQLite turns on WAL so readers never block the writer.</summary>
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
        await db.Database.EnsureCreatedAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
