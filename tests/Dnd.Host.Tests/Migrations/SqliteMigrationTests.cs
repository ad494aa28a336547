using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Migrations;

/// <summary>SQLite databases, new or made by the release before migrations, reach the latest migration when the server starts.</summary>
public class SqliteMigrationTests
{
    private static readonly long At = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero))!;

    private static async Task<string> PreviousReleaseDatabaseAsync(string? schema = null)
    {
        var path = TempFiles.NewDatabase();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await PreviousRelease.ExecuteAsync(connection, schema ?? PreviousRelease.Schema(DatabaseProvider.Sqlite));
        if (schema is null)
        {
            await PreviousRelease.ExecuteAsync(connection, PreviousRelease.Data(At.ToString(), "0", "1"));
        }
        return path;
    }

    private static DndDbContext Context(string path)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DatabaseProvider.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path};Pooling=false");
        return new DndDbContext(options.Options);
    }

    /// <summary>Each table and index as SQLite keeps it (its CREATE statement), less EF's own migration tables.</summary>
    private static async Task<List<string>> SchemaOfAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    [Fact]
    public async Task A_new_database_gets_every_migration_at_start()
    {
        await using var app = new DndApp();

        await MigratedDatabase.ShouldBeCurrentAsync(app);
        Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!, Path.GetFileName(app.DatabasePath) + ".before-*").Should().BeEmpty("a new database has nothing to keep");
    }

    [Fact]
    public void The_new_database_script_is_every_migration_as_EF_scripts_it_now()
    {
        using var db = Context(TempFiles.NewDatabase());

        var shipped = NewDatabaseScript.For(db);
        shipped.Should().NotBeNull("a new database would be migrated one migration at a time");
        // After adding a migration: dotnet ef migrations script --project src/Dnd.Migrations.Sqlite --startup-project src/Dnd.Migrations.Sqlite --output src/Dnd.Migrations.Sqlite/NewDatabase.sql
        Lines(shipped!).Should().Equal(Lines(db.GetService<IMigrator>().GenerateScript()), "regenerate src/Dnd.Migrations.Sqlite/NewDatabase.sql (README, Schema changes)");
    }

    private static string[] Lines(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd().Split('\n');

    [Fact]
    public async Task A_new_database_made_from_the_script_is_the_one_the_migrations_make_one_by_one()
    {
        var scripted = TempFiles.NewDatabase();
        var migrated = TempFiles.NewDatabase();
        await using (var db = Context(scripted))
        {
            (await DatabaseInitializer.InitializeAsync(db)).Should().BeEmpty();
        }
        await using (var db = Context(migrated))
        {
            await db.Database.MigrateAsync();
        }

        (await SchemaOfAsync(scripted)).Should().Equal(await SchemaOfAsync(migrated));
        (await HistoryOfAsync(scripted)).Should().Equal(await HistoryOfAsync(migrated)).And.HaveCountGreaterThan(20);
    }

    private static async Task<List<string>> HistoryOfAsync(string path)
    {
        await using var db = Context(path);
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }

    [Fact]
    public async Task The_initial_migration_makes_exactly_the_schema_of_the_release_before_migrations()
    {
        var previous = await PreviousReleaseDatabaseAsync(PreviousRelease.Schema(DatabaseProvider.Sqlite));
        var migrated = TempFiles.NewDatabase();
        await using (var db = Context(migrated))
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        }

        var expected = await SchemaOfAsync(previous);
        expected.Should().Contain(s => s.StartsWith("index IX_Ledger_ContactId_Sequence"), "the fixture holds the indexes too");
        (await SchemaOfAsync(migrated)).Should().Equal(expected);
    }

    [Fact]
    public async Task A_database_of_the_release_before_migrations_is_upgraded_in_place_with_its_data()
    {
        var path = await PreviousReleaseDatabaseAsync();
        var before = await SchemaOfAsync(path);

        await using var app = new DndApp(path);

        await MigratedDatabase.ShouldBeCurrentAsync(app);
        await MigratedDatabase.ShouldHoldPreviousReleaseDataAsync(app);
        // Copied aside before the first migration ran: a crash mid-migration (a table rebuild is not one transaction) can go back to it.
        var backup = DatabaseInitializer.BackupPath(path, (await MigrationsOfAsync(app)).First());
        File.Exists(backup).Should().BeTrue();
        (await SchemaOfAsync(backup)).Should().Equal(before);
    }

    private static async Task<List<string>> MigrationsOfAsync(DndApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DndDbContext>().Database.GetMigrations().ToList();
    }

    [Fact]
    public async Task A_database_with_some_other_schema_and_no_history_stops_the_start_and_is_left_as_it_was()
    {
        var path = await PreviousReleaseDatabaseAsync("""
            CREATE TABLE "Contacts" ("Id" TEXT PRIMARY KEY, "Name" TEXT);
            INSERT INTO "Contacts" VALUES ('c1', 'kept');
            """);
        var before = await SchemaOfAsync(path);

        await using (var db = Context(path))
        {
            var start = () => DatabaseInitializer.InitializeAsync(db);
            (await start.Should().ThrowAsync<InvalidOperationException>())
                .WithMessage("*no migration history*missing: table Accounts*column Contacts.AccountId*");
        }

        (await SchemaOfAsync(path)).Should().Equal(before);
        await using (var db = Context(path))
        {
            (await db.GetService<IHistoryRepository>().ExistsAsync()).Should().BeFalse();
        }
    }
}
