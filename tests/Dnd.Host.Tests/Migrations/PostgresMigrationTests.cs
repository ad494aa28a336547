using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Postgres;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Host.Tests.Migrations;

/// <summary>PostgreSQL databases, new or made by the release before migrations, reach the latest migration when the server starts.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresMigrationTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_new_database_gets_every_migration_at_start()
    {
        await using var app = new DndApp(postgres: postgres.NewDatabase());

        await MigratedDatabase.ShouldBeCurrentAsync(app);
    }

    [Fact]
    public async Task A_database_of_the_release_before_migrations_is_upgraded_in_place_with_its_data()
    {
        var database = postgres.NewDatabase();
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DatabaseProvider.Configure(options, DatabaseProvider.Postgres, database);
        await using (var db = new DndDbContext(options.Options))
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(); // the empty database only
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await PreviousRelease.ExecuteAsync(connection, PreviousRelease.Schema(DatabaseProvider.Postgres));
            await PreviousRelease.ExecuteAsync(connection, PreviousRelease.Data("'2026-10-01T12:00:00Z'", "false", "true"));
        }

        await using var app = new DndApp(postgres: database);

        await MigratedDatabase.ShouldBeCurrentAsync(app);
        await MigratedDatabase.ShouldHoldPreviousReleaseDataAsync(app);
    }
}
