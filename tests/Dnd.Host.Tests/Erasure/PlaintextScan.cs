using Microsoft.Data.Sqlite;

namespace Dnd.Host.Tests.Erasure;

/// <summary>Every table and column of a SQLite database, searched for text (case-insensitively, blobs read as text).</summary>
public static class PlaintextScan
{
    /// <returns>"table.column" for each column holding any of the strings.</returns>
    public static async Task<List<string>> FindAsync(string databasePath, params string[] needles)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (var column in await ColumnsAsync(connection, table))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE " +
                                    string.Join(" OR ", needles.Select((_, i) => $"instr(lower(CAST(\"{column}\" AS TEXT)), $n{i}) > 0"));
                for (var i = 0; i < needles.Length; i++)
                {
                    count.Parameters.AddWithValue($"$n{i}", needles[i].ToLowerInvariant());
                }
                if ((long)(await count.ExecuteScalarAsync())! > 0)
                {
                    found.Add($"{table}.{column}");
                }
            }
        }
        return found;
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        await using var info = connection.CreateCommand();
        info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await info.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }
}
