using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Crm.Persistence;

/// <summary>
/// SQL on the context's connection without LINQ or EF's raw-SQL formatting, for start-up's few statements: the first
/// LINQ query a process runs compiles EF's query pipeline, about 100 ms, which would otherwise sit on the way to serving.
/// </summary>
public static class PlainSql
{
    /// <summary>Runs <paramref name="sql"/>, one statement or many (a script), as it is.</summary>
    public static async Task ExecuteAsync(DatabaseFacade database, string sql, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(database, sql);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs one statement with its <paramref name="parameters"/> (named @name), for callers that cannot wait asynchronously.</summary>
    public static void Execute(DatabaseFacade database, string sql, params (string Name, object? Value)[] parameters)
    {
        database.OpenConnection();
        try
        {
            using var command = Command(database, sql);
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
                command.Parameters.Add(parameter);
            }
            command.ExecuteNonQuery();
        }
        finally
        {
            database.CloseConnection();
        }
    }

    /// <summary>The first column of each row, as strings.</summary>
    public static async Task<List<string>> StringsAsync(DatabaseFacade database, string sql, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(database, sql);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                values.Add(reader.GetString(0));
            }
            return values;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>As <see cref="StringsAsync"/>, for callers that cannot wait asynchronously (Data Protection's key ring); nulls skipped.</summary>
    public static List<string> Strings(DatabaseFacade database, string sql)
    {
        database.OpenConnection();
        try
        {
            using var command = Command(database, sql);
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    values.Add(reader.GetString(0));
                }
            }
            return values;
        }
        finally
        {
            database.CloseConnection();
        }
    }

    private static DbCommand Command(DatabaseFacade database, string sql)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
