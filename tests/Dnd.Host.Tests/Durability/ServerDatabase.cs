namespace Dnd.Host.Tests.Durability;

/// <summary>The Dnd__Database__* settings of a server process (<see cref="HostProcess"/>); the same ones again restart it on the same data.</summary>
public static class ServerDatabase
{
    public static Dictionary<string, string> Sqlite(string file) => new()
    {
        ["Dnd__Database__Provider"] = "sqlite", ["Dnd__Database__ConnectionString"] = $"Data Source={file}",
    };

    public static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Dnd__Database__Provider"] = "postgres", ["Dnd__Database__ConnectionString"] = connectionString,
    };
}
