using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

/// <summary>Chooses the EF Core provider: embedded SQLite by default, PostgreSQL for scale-out.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    // One migrations set per provider, each in its own assembly (EF's documented way for several providers): the model
    // differs by provider (SQLite stores DateTimeOffset as ticks) and so does the SQL, while one DndDbContext type
    // serves both, so nothing else in the code knows which set it runs on.
    public const string SqliteMigrations = "Dnd.Migrations.Sqlite";
    public const string PostgresMigrations = "Dnd.Migrations.Postgres";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider.Trim().ToLowerInvariant())
        {
            case Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
                break;
            case Postgres or "postgresql" or "npgsql":
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'; use '{Sqlite}' or '{Postgres}'.");
        }
    }
}
