using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Migrations;

/// <summary>
/// The server starts on each provider's compiled model (src/Dnd.Migrations.*/CompiledModel); it must be the model the
/// code declares. After a model change run, for each provider:
/// dotnet ef dbcontext optimize --project src/Dnd.Migrations.Sqlite --startup-project src/Dnd.Migrations.Sqlite --output-dir CompiledModel --namespace Dnd.Migrations.Sqlite.CompiledModel
/// </summary>
public class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DatabaseProvider.SqliteMigrations, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, DatabaseProvider.PostgresMigrations, "Host=localhost;Database=none")]
    public void The_compiled_model_is_the_declared_one(string provider, string migrations, string connectionString)
    {
        using var declared = Context(provider, connectionString, compiledModel: false);
        using var compiled = Context(provider, connectionString, compiledModel: true);

        DatabaseProvider.CompiledModel(migrations).Should().NotBeNull("the server would build the model at every start");
        compiled.Model.GetType().Namespace.Should().Be($"{migrations}.CompiledModel");
        Shape(compiled.Model).Should().Equal(Shape(declared.Model), "regenerate the compiled model with dotnet ef dbcontext optimize");
    }

    private static DndDbContext Context(string provider, string connectionString, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DatabaseProvider.Configure(options, provider, connectionString, compiledModel);
        return new DndDbContext(options.Options);
    }

    [Fact]
    public void The_server_uses_it()
    {
        using var app = new Infrastructure.DndApp();
        using var scope = app.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<DndDbContext>().Model.GetType().FullName.Should().Be("Dnd.Migrations.Sqlite.CompiledModel.DndDbContextModel");
    }

    /// <summary>Tables, columns (name, CLR and store type, nullability), keys and indexes: what the SQL the model makes depends on.</summary>
    private static IEnumerable<string> Shape(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e =>
        {
            var table = StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema());
            return new[] { $"{e.Name} -> {e.GetTableName()}" }
                .Concat(e.GetProperties().OrderBy(p => p.Name).Select(p =>
                    $"  {p.Name}: {p.ClrType.Name} {p.GetColumnName(table)} {p.GetColumnType()} null={p.IsNullable} stored-as={p.GetTypeMapping().Converter?.ProviderClrType.Name} generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}"))
                .Concat(e.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"))
                .Concat(e.GetIndexes().OrderBy(i => i.GetDatabaseName()).Select(i =>
                    $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}"));
        });
}
