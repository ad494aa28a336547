using Microsoft.Data.Sqlite;

namespace Dnd.Crm.Persistence.Rows;

/// <summary>
/// Reads and writes rows on one SQLite connection inside its open transaction, with prepared statements kept for
/// reuse and no change tracking: additions and changed rows are collected and written by <see cref="Flush"/>.
/// Not thread-safe: it belongs to the one writer of its connection.
/// </summary>
/// <remarks>
/// The statements are prepared once on the connection's native handle (<see cref="RawStatement"/>), not run as
/// <see cref="SqliteCommand"/>s; they join whatever transaction the connection has open. <see cref="Dispose"/>
/// finalizes them, before the connection is closed.
/// </remarks>
public sealed class SqliteRows(SqliteConnection connection, RowMaps maps) : IDisposable
{
    private readonly Dictionary<string, RawStatement> _statements = new(StringComparer.Ordinal);
    private SQLitePCL.sqlite3? _prepared;
    private readonly List<object> _added = [];
    private readonly List<object> _changed = [];
    // What each row read here held (a shallow copy), so a change writes only the columns that differ.
    private readonly Dictionary<object, object> _read = new(ReferenceEqualityComparer.Instance);

    /// <summary>The transaction the statements run in. Kept for callers; raw statements join whatever the connection has open.</summary>
    public SqliteTransaction? Transaction { get; set; }

    public RowMaps Maps => maps;

    /// <summary>Times staged rows were written (<see cref="Flush"/>): what was read before may differ from the tables after.</summary>
    public long Flushes { get; private set; }

    /// <summary>Rows of <typeparamref name="T"/> matching a WHERE clause over $p0, $p1, ... (read inside the open transaction).</summary>
    public List<T> Query<T>(string where, params object?[] args) where T : class
    {
        var map = maps.For<T>();
        var statement = Statement(map.Select + " WHERE " + where, args);
        var rows = new List<T>();
        try
        {
            while (statement.Step())
            {
                var row = map.ReadRaw(statement.Handle);
                _read[row] = map.Clone(row);
                rows.Add((T)row);
            }
        }
        finally
        {
            statement.Reset();
        }
        return rows;
    }

    /// <summary>Whether any row answers a SELECT over $p0, $p1, ...</summary>
    public bool Exists(string select, params object?[] args)
    {
        var statement = Statement(select, args);
        try
        {
            return statement.Step();
        }
        finally
        {
            statement.Reset();
        }
    }

    public int Execute(string sql, params object?[] args)
    {
        var statement = Statement(sql, args);
        try
        {
            while (statement.Step())
            {
            }
            return statement.Changes;
        }
        finally
        {
            statement.Reset();
        }
    }

    /// <summary>
    /// Inserts <paramref name="entity"/> now (in the open transaction, so undone with it), unless a row with the same key
    /// or another unique value is there already: true when inserted. One statement where a lookup and a staged insert
    /// were two.
    /// </summary>
    public bool InsertIfAbsent(object entity)
    {
        var map = maps.For(entity.GetType());
        return Execute(map.Insert + " ON CONFLICT DO NOTHING", Values(map.Inserted, entity)) == 1;
    }

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
            if (sql is not null && Execute(sql, values) != 1)
            {
                throw new InvalidOperationException($"{map.Table}: the row to update is gone.");
            }
        }
        foreach (var entity in _added)
        {
            var map = maps.For(entity.GetType());
            Execute(map.Insert, Values(map.Inserted, entity));
        }
        if (_changed.Count + _added.Count > 0)
        {
            Flushes++;
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
        var before = _read.GetValueOrDefault(entity);
        var changed = new List<RowColumn>();
        var values = new List<object?>();
        foreach (var column in map.Columns)
        {
            if (!column.Key && (before is null || !column.Same(before, entity)))
            {
                changed.Add(column);
                values.Add(column.Get(entity));
            }
        }
        if (changed.Count == 0)
        {
            return (null, []);
        }
        foreach (var column in map.Columns)
        {
            if (column.Key)
            {
                values.Add(column.Get(before ?? entity));
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

    private RawStatement Statement(string sql, object?[] args)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!ReferenceEquals(db, _prepared))
        {
            // Reopened: statements of the old handle are no use on the new one.
            Dispose();
            _prepared = db;
        }
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(db, sql, args.Length);
            _statements[sql] = statement;
        }
        statement.Bind(args);
        return statement;
    }

    /// <summary>Finalizes the prepared statements (call before the connection closes); they are prepared again if used.</summary>
    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
        _statements.Clear();
        _prepared = null;
    }
}
