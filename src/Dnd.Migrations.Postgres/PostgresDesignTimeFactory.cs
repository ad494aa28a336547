using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dnd.Migrations.Postgres;

/// <summary>The context dotnet-ef builds for this project's migrations: PostgreSQL, as the server configures it.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<DndDbContext>
{
    public DndDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        // Adding a migration opens no connection; DND_POSTGRES names a server for `dotnet ef database update`.
        DatabaseProvider.Configure(options, DatabaseProvider.Postgres,
            Environment.GetEnvironmentVariable("DND_POSTGRES") ?? "Host=localhost;Database=dnd;Username=postgres", compiledModel: false);
        return new DndDbContext(options.Options);
    }
}
