using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dnd.Crm.Persistence;

/// <summary>
/// SQL on the context's connection without LINQ or EF's raw-SQL formatting, for start-up's few statements: the first
/// LINQ query a process runs compiles EF's query pipeline, about 100 ms, which would otherwise sit on the way to serving.
/// </summary>
public static class PlainSql
{
    /// <summary>Runs <paramref name="sql"/>, one statement or many (a script), as it is.</summary>
    public static Task ExecuteAsync(DatabaseFacade database, string sql, CancellationToken ct) =>
        WithCommandAsync(database, sql, [], async command => await command.ExecuteNonQueryAsync(ct), ct);

    /// <summary>The first column of each row, as strings; nulls skipped.</summary>
    public static Task<List<string>> StringsAsync(DatabaseFacade database, string sql, CancellationToken ct) =>
        WithCommandAsync(database, sql, [], async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                if (!reader.IsDBNull(0))
                {
                    values.Add(reader.GetString(0));
                }
            }
            return values;
        }, ct);

    /// <summary>
    /// As <see cref="ExecuteAsync"/> and <see cref="StringsAsync"/>, with <paramref name="parameters"/> (named @name),
    /// for a caller that cannot wait asynchronously (Data Protection's key ring).
    /// </summary>
    public static void Execute(DatabaseFacade database, string sql, params (string Name, object? Value)[] parameters) =>
        WithCommandAsync(database, sql, parameters, command => Task.FromResult(command.ExecuteNonQuery()), CancellationToken.None, sync: true).GetAwaiter().GetResult();

    /// <inheritdoc cref="Execute"/>
    public static List<string> Strings(DatabaseFacade database, string sql) =>
        WithCommandAsync(database, sql, [], command =>
        {
            using var reader = command.ExecuteReader();
            var values = new List<string>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    values.Add(reader.GetString(0));
                }
            }
            return Task.FromResult(values);
        }, CancellationToken.None, sync: true).GetAwaiter().GetResult();

    /// <summary>The entity's table, quoted as the hot paths' SQL quotes it (<see cref="Rows.RowMap.Quote"/>).</summary>
    public static string Table(IEntityType entity) => Rows.RowMap.Quote(entity.GetTableName()!);

    /// <summary>A property's column, quoted the same way.</summary>
    public static string Column(IEntityType entity, string property) => Rows.RowMap.Quote(entity.FindProperty(property)!.GetColumnName());

    /// <param name="sync">Opens and closes the connection synchronously; <paramref name="use"/> then completes synchronously too.</param>
    private static async Task<T> WithCommandAsync<T>(DatabaseFacade database, string sql, (string Name, object? Value)[] parameters,
        Func<DbCommand, Task<T>> use, CancellationToken ct, bool sync = false)
    {
        if (sync)
        {
            database.OpenConnection();
        }
        else
        {
            await database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, value ?? DBNull.Value);
                command.Parameters.Add(parameter);
            }
            return await use(command);
        }
        finally
        {
            if (sync)
            {
                database.CloseConnection();
            }
            else
            {
                await database.CloseConnectionAsync();
            }
        }
    }
}
