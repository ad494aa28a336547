using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Every migration as one SQL script (`dotnet ef migrations script`), shipped in the provider's migrations assembly as
/// <see cref="FileName"/>. A new database is made from it in one go: migrating one migration at a time builds each
/// one's target model first, about 0.2 s of a first start (and of every test that starts a server on a new database).
/// </summary>
public static class NewDatabaseScript
{
    public const string FileName = "NewDatabase.sql";

    /// <summary>The script the context's migrations assembly ships; null when it ships none.</summary>
    public static string? For(DbContext db)
    {
        var assembly = db.GetService<IMigrationsAssembly>().Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.{FileName}");
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }
}
