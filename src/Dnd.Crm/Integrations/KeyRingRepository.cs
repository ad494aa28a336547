using System.Xml.Linq;
using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Integrations;

/// <summary>
/// The Data Protection key ring in the database's DataProtectionKeys table, as PersistKeysToDbContext keeps it, read
/// with plain SQL: the framework's LINQ read (and, on a new database, its first SaveChanges) is the first a start
/// compiles, about 100 ms on its way to serving.
/// </summary>
public sealed class KeyRingRepository<TContext>(IServiceScopeFactory scopes) : IXmlRepository where TContext : CrmDbContext
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var (database, table, _, xml) = Table(scope);
        return PlainSql.Strings(database, $"SELECT {xml} FROM {table}").Where(x => x.Length > 0).Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var (database, table, name, xml) = Table(scope);
        PlainSql.Execute(database, $"INSERT INTO {table} ({name}, {xml}) VALUES (@name, @xml)",
            ("@name", friendlyName), ("@xml", element.ToString(SaveOptions.DisableFormatting)));
    }

    /// <summary>The table's and columns' names, quoted, as the model maps them.</summary>
    private static (DatabaseFacade Database, string Table, string FriendlyName, string Xml) Table(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var entity = db.Model.FindEntityType(typeof(DataProtectionKey))!;
        return (db.Database, PlainSql.Table(entity), PlainSql.Column(entity, nameof(DataProtectionKey.FriendlyName)), PlainSql.Column(entity, nameof(DataProtectionKey.Xml)));
    }
}
