using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Databases made before migrations (EnsureCreated: every table, no migration history) hold exactly what the first
/// migration creates. Recording that migration as applied lets MigrateAsync go on from there instead of failing on
/// "table already exists", so such a database upgrades in place with its data.
/// </summary>
public static class LegacyBaseline
{
    /// <summary>Records the first migration as applied when the database has its schema but no history; refuses any other mix.</summary>
    public static async Task ApplyAsync(CrmDbContext db, CancellationToken ct)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
        {
            return; // PostgreSQL's database itself is made by MigrateAsync
        }
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(ct) && (await history.GetAppliedMigrationsAsync(ct)).Count > 0)
        {
            return;
        }
        var migrations = db.GetService<IMigrationsAssembly>();
        var (initialId, initialType) = migrations.Migrations.First(); // ordered by id: the oldest
        var initial = migrations.CreateMigration(initialType, db.Database.ProviderName!);
        var existing = await ExistingSchema.ReadAsync(db.Database, ct);
        var tables = initial.UpOperations.OfType<CreateTableOperation>().ToList();
        if (!tables.Any(t => existing.Tables.ContainsKey(t.Name)))
        {
            return; // a new database: the migrations create everything
        }
        var missing = tables.SelectMany(t => existing.Tables.TryGetValue(t.Name, out var columns)
                ? t.Columns.Where(c => !columns.Contains(c.Name)).Select(c => $"column {t.Name}.{c.Name}")
                : [$"table {t.Name}"])
            .Concat(initial.UpOperations.OfType<CreateIndexOperation>().Where(i => !existing.Indexes.Contains(i.Name)).Select(i => $"index {i.Name}"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "The database has Dnd tables but no migration history, and its schema is not the one the release before migrations " +
                $"created (missing: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}). " +
                "Nothing was changed; point the server at that release's database, or at an empty one.");
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initialId, ProductInfo.GetVersion())), ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbException) when (!ct.IsCancellationRequested)
        {
            // Another server sharing the database recorded it between our look and our insert: nothing left to do.
            if (!await history.ExistsAsync(ct) || (await history.GetAppliedMigrationsAsync(ct)).Count == 0)
            {
                throw;
            }
            return;
        }
        db.GetService<ILoggerFactory>().CreateLogger("Dnd.Startup").LogWarning(
            "The database was created before migrations: recorded {Migration} as applied; later migrations apply now.", initialId);
    }
}
