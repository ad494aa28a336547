using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Tests.Migrations;

/// <summary>A change to the model without its migration (for each provider) fails here rather than at a server's start.</summary>
public class ModelMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=unused")] // the comparison opens no connection
    public void The_latest_migration_matches_the_model(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DatabaseProvider.Configure(options, provider, connectionString);
        using var db = new DndDbContext(options.Options);

        db.Database.GetMigrations().Should().NotBeEmpty("the provider's migrations assembly must be found");
        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the model changed without a {provider} migration: add one with dotnet ef (README, Schema changes)");
    }
}
