using Microsoft.Data.Sqlite;

namespace Dnd.Host.Configuration;

/// <summary>Relative paths in configuration are relative to the Host project, wherever dotnet run was started.</summary>
public static class ContentPaths
{
    public static string Resolve(string contentRoot, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRoot, path));

    public static string SqliteConnectionString(string contentRoot, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            builder.DataSource = Resolve(contentRoot, builder.DataSource);
        }
        return builder.ToString();
    }
}
