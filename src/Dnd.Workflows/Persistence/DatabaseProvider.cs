using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Persistence;

/// <summary>Chooses the EF Core provider: embedded SQLite by default, PostgreSQL for scale-out.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider.Trim().ToLowerInvariant())
        {
            case Sqlite:
                options.UseSqlite(connectionString);
                break;
            case Postgres or "postgresql" or "npgsql":
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'; use '{Sqlite}' or '{Postgres}'.");
        }
    }
}
