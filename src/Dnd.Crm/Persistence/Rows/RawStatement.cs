using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dnd.Crm.Persistence.Rows;

/// <summary>
/// One statement prepared once on a connection's native handle and run many times: parameters bound by position,
/// rows read with typed column calls. It does what <see cref="SqliteCommand"/> did on the batch writer's hot path
/// without what a command adds to each execution there (binding every parameter by name, a data reader, boxing each
/// column through GetValue, a second native call per column for IsDBNull), which a profile of the webhook load put
/// at about a third of the writer's statement time. Errors are thrown as the same <see cref="SqliteException"/>.
/// </summary>
/// <remarks>Not thread-safe; the statement belongs to the one writer of its connection, and must be reset (every
/// method here resets it before returning) so it holds no read or write state between runs.</remarks>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    // Index of $p0, $p1, ... in the statement (0 where the SQL does not use that parameter).
    private readonly int[] _index;

    public RawStatement(sqlite3 db, string sql, int parameters)
    {
        _db = db;
        // PERSISTENT: kept for the connection's life, so SQLite allocates it outside its lookaside memory.
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _stmt);
        if (rc != raw.SQLITE_OK || _stmt is null)
        {
            _stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
            throw new InvalidOperationException($"SQLite could not prepare: {sql}");
        }
        _index = new int[parameters];
        for (var i = 0; i < parameters; i++)
        {
            _index[i] = raw.sqlite3_bind_parameter_index(_stmt, "$p" + i);
        }
    }

    public sqlite3_stmt Handle => _stmt;

    /// <summary>Binds $p0, $p1, ... to <paramref name="args"/> (null is SQL NULL).</summary>
    public void Bind(object?[] args)
    {
        if (args.Length != _index.Length)
        {
            throw new ArgumentException($"The statement was prepared with {_index.Length} parameters, not {args.Length}.", nameof(args));
        }
        for (var i = 0; i < args.Length; i++)
        {
            if (_index[i] > 0)
            {
                Check(BindOne(_stmt, _index[i], args[i]));
            }
        }
    }

    /// <summary>Steps once: true for a row, false when done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }
        // The statement's own error (a constraint, a full disk) is what sqlite3_reset reports; the connection's
        // message describes it.
        raw.sqlite3_reset(_stmt);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    public void Reset() => raw.sqlite3_reset(_stmt);

    /// <summary>Rows changed by the last INSERT, UPDATE or DELETE on the connection.</summary>
    public int Changes => raw.sqlite3_changes(_db);

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    /// <remarks>
    /// The values reaching here are what the model's converters store (strings, integers, booleans) and the query
    /// arguments of the hot path (strings, integers); they are bound as SQLite stores them, as Microsoft.Data.Sqlite
    /// binds the same types. Anything else is refused rather than guessed.
    /// </remarks>
    private static int BindOne(sqlite3_stmt stmt, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(stmt, index),
        string s => raw.sqlite3_bind_text(stmt, index, s),
        long l => raw.sqlite3_bind_int64(stmt, index, l),
        int n => raw.sqlite3_bind_int64(stmt, index, n),
        bool b => raw.sqlite3_bind_int64(stmt, index, b ? 1 : 0),
        short n => raw.sqlite3_bind_int64(stmt, index, n),
        byte n => raw.sqlite3_bind_int64(stmt, index, n),
        double d => raw.sqlite3_bind_double(stmt, index, d),
        float f => raw.sqlite3_bind_double(stmt, index, f),
        byte[] bytes => raw.sqlite3_bind_blob(stmt, index, bytes),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be bound by the batch writer's statements; give its column a value converter."),
    };

    /// <summary>
    /// Compiles the reader of one entity type's row (its columns in <paramref name="columns"/> order, as
    /// <see cref="RowMap.Select"/> lists them): each column read with the typed call for what it stores, then its
    /// value converter, then assigned to the property. A NULL column gives null to a property that can hold one.
    /// </summary>
    public static Func<sqlite3_stmt, object> Reader(Type entity, RowColumn[] columns)
    {
        var stmt = Expression.Parameter(typeof(sqlite3_stmt), "stmt");
        var row = Expression.Variable(entity, "row");
        var body = new List<Expression> { Expression.Assign(row, Expression.New(entity)) };
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var index = Expression.Constant(i);
            var property = column.Property;
            Expression value = Column(column.Stored, stmt, index);
            if (column.Converter is { } converter)
            {
                // The converter's own typed expression, inlined: no boxing through ConvertFromProvider.
                var from = converter.ConvertFromProviderExpression;
                value = Expression.Invoke(from, Expression.Convert(value, from.Parameters[0].Type));
            }
            value = Expression.Convert(value, property.PropertyType);
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                value = Expression.Condition(Expression.Call(IsNullMethod, stmt, index), Expression.Default(property.PropertyType), value);
            }
            body.Add(Expression.Assign(Expression.Property(row, property), value));
        }
        body.Add(Expression.Convert(row, typeof(object)));
        return Expression.Lambda<Func<sqlite3_stmt, object>>(Expression.Block([row], body), stmt).Compile();
    }

    private static readonly MethodInfo IsNullMethod = typeof(RawStatement).GetMethod(nameof(IsNull), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static bool IsNull(sqlite3_stmt stmt, int i) => raw.sqlite3_column_type(stmt, i) == raw.SQLITE_NULL;

    private static string ReadText(sqlite3_stmt stmt, int i) => raw.sqlite3_column_text(stmt, i).utf8_to_string();

    private static long ReadInt64(sqlite3_stmt stmt, int i) => raw.sqlite3_column_int64(stmt, i);

    private static double ReadDouble(sqlite3_stmt stmt, int i) => raw.sqlite3_column_double(stmt, i);

    private static byte[] ReadBlob(sqlite3_stmt stmt, int i) => raw.sqlite3_column_blob(stmt, i).ToArray();

    /// <summary>Any other stored type: the value as SQLite holds it, changed to that type as RowColumn.Set did.</summary>
    private static object? ReadOther(sqlite3_stmt stmt, int i, Type stored)
    {
        object? value = raw.sqlite3_column_type(stmt, i) switch
        {
            raw.SQLITE_INTEGER => raw.sqlite3_column_int64(stmt, i),
            raw.SQLITE_FLOAT => raw.sqlite3_column_double(stmt, i),
            raw.SQLITE_TEXT => raw.sqlite3_column_text(stmt, i).utf8_to_string(),
            raw.SQLITE_BLOB => raw.sqlite3_column_blob(stmt, i).ToArray(),
            _ => null,
        };
        return value is null || value.GetType() == stored ? value : Convert.ChangeType(value, stored, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Expression Column(Type stored, ParameterExpression stmt, Expression index)
    {
        Expression Call(string name) => Expression.Call(typeof(RawStatement).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!, stmt, index);
        return stored switch
        {
            _ when stored == typeof(string) => Call(nameof(ReadText)),
            _ when stored == typeof(long) => Call(nameof(ReadInt64)),
            _ when stored == typeof(int) => Expression.Convert(Call(nameof(ReadInt64)), typeof(int)),
            _ when stored == typeof(short) => Expression.Convert(Call(nameof(ReadInt64)), typeof(short)),
            _ when stored == typeof(byte) => Expression.Convert(Call(nameof(ReadInt64)), typeof(byte)),
            _ when stored == typeof(bool) => Expression.NotEqual(Call(nameof(ReadInt64)), Expression.Constant(0L)),
            _ when stored == typeof(double) => Call(nameof(ReadDouble)),
            _ when stored == typeof(float) => Expression.Convert(Call(nameof(ReadDouble)), typeof(float)),
            _ when stored == typeof(byte[]) => Call(nameof(ReadBlob)),
            _ => Expression.Convert(Expression.Call(typeof(RawStatement).GetMethod(nameof(ReadOther), BindingFlags.NonPublic | BindingFlags.Static)!,
                stmt, index, Expression.Constant(stored)), stored),
        };
    }
}
