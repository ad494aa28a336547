using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dnd.Crm.Persistence;

/// <summary>The tables (with their columns) and indexes a database holds now, read from its own catalog.</summary>
public sealed record ExistingSchema(IReadOnlyDictionary<string, HashSet<string>> Tables, IReadOnlySet<string> Indexes)
{
    public static async Task<ExistingSchema> ReadAsync(DatabaseFacade database, CancellationToken ct)
    {
        var (columnsSql, indexesSql) = database.IsSqlite()
            ? ("SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'",
               "SELECT name FROM sqlite_master WHERE type = 'index'")
            : ("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()",
               "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");
        await database.OpenConnectionAsync(ct);
        try
        {
            var connection = database.GetDbConnection();
            var tables = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var row in await RowsAsync(connection, columnsSql, ct))
            {
                (tables.TryGetValue(row[0], out var columns) ? columns : tables[row[0]] = new HashSet<string>(StringComparer.Ordinal)).Add(row[1]);
            }
            var indexes = (await RowsAsync(connection, indexesSql, ct)).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
            return new ExistingSchema(tables, indexes);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string[]>> RowsAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }
}
