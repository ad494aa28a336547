using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dnd.Migrations.Sqlite;

/// <summary>The context dotnet-ef builds for this project's migrations: SQLite, as the server configures it.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<DndDbContext>
{
    public DndDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        // Adding a migration opens no connection; `dotnet ef database update` would use this file.
        DatabaseProvider.Configure(options, DatabaseProvider.Sqlite, "Data Source=dnd.db", compiledModel: false);
        return new DndDbContext(options.Options);
    }
}
