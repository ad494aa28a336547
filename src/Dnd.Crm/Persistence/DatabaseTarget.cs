namespace Dnd.Crm.Persistence;

/// <summary>The database this process uses, known without building a DbContext.</summary>
public sealed record DatabaseTarget(string Provider, string ConnectionString)
{
    public bool IsSqlite => Provider.Trim().Equals(DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase);
}
