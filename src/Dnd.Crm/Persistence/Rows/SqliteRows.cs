using Microsoft.Data.Sqlite;

namespace Dnd.Crm.Persistence.Rows;

/// <summary>
/// Reads and writes rows on one SQLite connection inside its open transaction, with prepared statements kept for
/// reuse and no change tracking: additions and changed rows are collected and written by <see cref="Flush"/>.
/// Not thread-safe: it belongs to the one writer of its connection.
/// </summary>
public sealed class SqliteRows(SqliteConnection connection, RowMaps maps)
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly List<object> _added = [];
    private readonly List<object> _changed = [];
    // What each row read here held, so a change writes only the columns that differ.
    private readonly Dictionary<object, object?[]> _read = new(ReferenceEqualityComparer.Instance);

    public SqliteTransaction? Transaction { get; set; }

    public RowMaps Maps => maps;

    /// <summary>Rows of <typeparamref name="T"/> matching a WHERE clause over $p0, $p1, ... (read inside the open transaction).</summary>
    public List<T> Query<T>(string where, params object?[] args) where T : class
    {
        var map = maps.For<T>();
        var command = Statement(map.Select + " WHERE " + where, args);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            var row = map.Read(reader);
            _read[row] = Values(map.Columns, row);
            rows.Add((T)row);
        }
        return rows;
    }

    /// <summary>Whether any row answers a SELECT over $p0, $p1, ...</summary>
    public bool Exists(string select, params object?[] args)
    {
        using var reader = Statement(select, args).ExecuteReader();
        return reader.Read();
    }

    public int Execute(string sql, params object?[] args) => Statement(sql, args).ExecuteNonQuery();

    /// <summary>Staged: inserted at the next <see cref="Flush"/>.</summary>
    public void Add(object entity) => _added.Add(entity);

    /// <summary>
    /// Staged: the row updated by key at the next <see cref="Flush"/>, in the columns that differ from what <see cref="Query{T}"/>
    /// read (every column for a row read elsewhere; an added one is simply inserted as it is then).
    /// </summary>
    public void Changed(object entity)
    {
        if (!_added.Contains(entity) && !_changed.Contains(entity))
        {
            _changed.Add(entity);
        }
    }

    /// <summary>Writes what was staged, changes first, then additions in the order they were made.</summary>
    public void Flush()
    {
        foreach (var entity in _changed)
        {
            var map = maps.For(entity.GetType());
            var (sql, values) = UpdateOf(map, entity);
            if (sql is not null && Statement(sql, values).ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"{map.Table}: the row to update is gone.");
            }
        }
        foreach (var entity in _added)
        {
            var map = maps.For(entity.GetType());
            Statement(map.Insert, Values(map.Inserted, entity)).ExecuteNonQuery();
        }
        Discard();
    }

    /// <summary>Forgets what was staged (the write it belonged to was undone).</summary>
    public void Discard()
    {
        _added.Clear();
        _changed.Clear();
        _read.Clear();
    }

    /// <summary>The UPDATE of the columns that differ from what was read (all of them for a row not read here), or none.</summary>
    private (string? Sql, object?[] Values) UpdateOf(RowMap map, object entity)
    {
        var now = Values(map.Columns, entity);
        var before = _read.GetValueOrDefault(entity);
        var changed = new List<RowColumn>();
        var values = new List<object?>();
        for (var i = 0; i < map.Columns.Length; i++)
        {
            if (!map.Columns[i].Key && (before is null || !Equals(before[i], now[i])))
            {
                changed.Add(map.Columns[i]);
                values.Add(now[i]);
            }
        }
        if (changed.Count == 0)
        {
            return (null, []);
        }
        for (var i = 0; i < map.Columns.Length; i++)
        {
            if (map.Columns[i].Key)
            {
                values.Add((before ?? now)[i]);
            }
        }
        return (map.UpdateOf(changed), values.ToArray());
    }

    private static object?[] Values(RowColumn[] columns, object entity)
    {
        var values = new object?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            values[i] = columns[i].Get(entity);
        }
        return values;
    }

    private SqliteCommand Statement(string sql, object?[] args)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < args.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }
            _statements[sql] = command;
        }
        command.Transaction = Transaction;
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = args[i] ?? DBNull.Value;
        }
        return command;
    }
}
