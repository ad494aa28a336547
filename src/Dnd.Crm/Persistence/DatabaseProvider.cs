using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dnd.Crm.Persistence;

/// <summary>Chooses the EF Core provider: embedded SQLite by default, PostgreSQL for scale-out.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    // One migrations set per provider, each in its own assembly (EF's documented way for several providers): the model
    // differs by provider (SQLite stores DateTimeOffset as ticks) and so does the SQL, while one DbContext type
    // serves both, so nothing else in the code knows which set it runs on.
    public const string SqliteMigrations = "Dnd.Migrations.Sqlite";
    public const string PostgresMigrations = "Dnd.Migrations.Postgres";

    /// <param name="compiledModel">
    /// Use the provider's compiled model (its migrations project's CompiledModel/, made by `dotnet ef dbcontext optimize`)
    /// when that assembly is there: building the model at start took about 0.22 s of it. Design-time tools pass false,
    /// so a new migration is diffed against the model the code declares, not against the last compiled copy.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString, bool compiledModel = true)
    {
        switch (Known(provider))
        {
            case Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
                UseCompiledModel(options, SqliteMigrations, compiledModel);
                break;
            case Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
                UseCompiledModel(options, PostgresMigrations, compiledModel);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'; use '{Sqlite}' or '{Postgres}'.");
        }
    }

    /// <summary>The provider a configured name means (<see cref="Sqlite"/> or <see cref="Postgres"/>, aliases taken), or null for none.</summary>
    public static string? Known(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        Sqlite => Sqlite,
        Postgres or "postgresql" or "npgsql" => Postgres,
        _ => null,
    };

    /// <summary>
    /// Builds the provider's compiled model (a static, about 45 ms at start) on a pool thread now, while the host is
    /// still being composed on one core, rather than first thing in the start-up's database preparation.
    /// </summary>
    public static void WarmUp(string? provider)
    {
        if (Known(provider) is { } known)
        {
            _ = Task.Run(() => CompiledModel(known == Sqlite ? SqliteMigrations : PostgresMigrations));
        }
    }

    /// <summary>The compiled model of a migrations assembly, or null when it is not deployed beside this one.</summary>
    public static IModel? CompiledModel(string migrationsAssembly) =>
        Type.GetType($"{migrationsAssembly}.CompiledModel.DndDbContextModel, {migrationsAssembly}")
            ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;

    private static void UseCompiledModel(DbContextOptionsBuilder options, string migrationsAssembly, bool wanted)
    {
        if (wanted && CompiledModel(migrationsAssembly) is { } model)
        {
            options.UseModel(model);
            // Migrate would otherwise build the design-time model and diff it against the last snapshot at every
            // start (0.6 s of a first start); a model change without its migration fails ModelMigrationsTests instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }
    }
}
