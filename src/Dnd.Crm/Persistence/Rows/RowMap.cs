using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dnd.Crm.Persistence.Rows;

/// <summary>
/// How one entity type is stored, read from the EF model (table, columns, keys, value converters), so SQL written
/// without EF on the hot paths uses the very mapping EF uses everywhere else and cannot drift from it.
/// </summary>
public sealed class RowMap
{
    private readonly Func<object> _create;

    public RowMap(IEntityType entity)
    {
        Table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
        var keys = entity.FindPrimaryKey()!.Properties;
        Columns = entity.GetProperties().Select(p => new RowColumn(p, keys.Contains(p))).ToArray();
        var type = entity.ClrType;
        _create = () => Activator.CreateInstance(type)!;
        ReadRaw = RawStatement.Reader(type, Columns);
        // Every mapped value is immutable (strings, numbers, DateTimeOffsets, enums), so a shallow copy is a full
        // snapshot of what a row held when it was read.
        Clone = (Func<object, object>)Delegate.CreateDelegate(typeof(Func<object, object>),
            typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!);
        var all = string.Join(", ", Columns.Select(c => Quote(c.Name)));
        Select = $"SELECT {all} FROM {Quote(Table)}";
        var inserted = Columns.Where(c => !c.Generated).ToArray();
        Inserted = inserted;
        Insert = $"INSERT INTO {Quote(Table)} ({string.Join(", ", inserted.Select(c => Quote(c.Name)))}) " +
                 $"VALUES ({string.Join(", ", inserted.Select((_, i) => "$p" + i))})";
    }

    public string Table { get; }

    /// <summary>
    /// An entity from the current row of a raw statement running <see cref="Select"/>: one compiled method that reads
    /// each column with its typed sqlite3_column_* call and its converter, without boxing or a data reader.
    /// </summary>
    public Func<SQLitePCL.sqlite3_stmt, object> ReadRaw { get; }

    /// <summary>A shallow copy of an entity: what it held, for comparing with what it holds later.</summary>
    public Func<object, object> Clone { get; }

    public RowColumn[] Columns { get; }

    /// <summary>SELECT of every column, in <see cref="Columns"/> order, without a WHERE.</summary>
    public string Select { get; }

    /// <summary>INSERT of the <see cref="Inserted"/> columns as $p0, $p1, ...</summary>
    public string Insert { get; }

    public RowColumn[] Inserted { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _updates = new();

    /// <summary>
    /// UPDATE of just these columns by key; parameters are the columns' values in the order given, then the key's.
    /// SQLite rewrites an index entry whenever its column is in the SET list, changed or not: on a contact that is
    /// ten indexes for each consent change, so only what changed is set.
    /// </summary>
    public string UpdateOf(IReadOnlyList<RowColumn> columns)
    {
        var names = string.Join(",", columns.Select(c => c.Name));
        return _updates.GetOrAdd(names, _ =>
        {
            var key = Columns.Where(c => c.Key).ToArray();
            return $"UPDATE {Quote(Table)} SET {string.Join(", ", columns.Select((c, i) => $"{Quote(c.Name)} = $p{i}"))} " +
                   $"WHERE {string.Join(" AND ", key.Select((c, i) => $"{Quote(c.Name)} = $p{columns.Count + i}"))}";
        });
    }

    /// <summary>An entity from a row read with <see cref="Select"/>.</summary>
    public object Read(Microsoft.Data.Sqlite.SqliteDataReader reader)
    {
        var entity = _create();
        for (var i = 0; i < Columns.Length; i++)
        {
            Columns[i].Set(entity, reader.IsDBNull(i) ? null : reader.GetValue(i));
        }
        return entity;
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}

/// <summary>One mapped property: its column, and its value to and from what the database stores.</summary>
public sealed class RowColumn
{
    private readonly ValueConverter? _converter;
    private readonly Type _stored;
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;

    public RowColumn(IProperty property, bool key)
    {
        Property = property.PropertyInfo!;
        (_get, _set) = Accessors(property.PropertyInfo!);
        Same = Comparer(property.PropertyInfo!);
        Converter = property.GetTypeMapping().Converter;
        Key = key;
        Name = property.GetColumnName();
        _converter = property.GetTypeMapping().Converter;
        _stored = Nullable.GetUnderlyingType(_converter?.ProviderClrType ?? property.ClrType) ?? _converter?.ProviderClrType ?? property.ClrType;
        // A database-generated key (the ledger's row id) is left out of inserts.
        Generated = key && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType == typeof(long);
    }

    public string Name { get; }

    public PropertyInfo Property { get; }

    public ValueConverter? Converter { get; }

    /// <summary>The CLR type the database value is read as before the converter (the underlying type when nullable).</summary>
    public Type Stored => _stored;

    /// <summary>
    /// Whether two entities hold the same value in this column, compared typed (no boxing): DateTimeOffsets by instant
    /// and offset, as their stored form differs when either does.
    /// </summary>
    public Func<object, object, bool> Same { get; }

    public bool Key { get; }

    public bool Generated { get; }

    public object? Get(object entity)
    {
        var value = _get(entity);
        return value is null ? null : _converter is null ? value : _converter.ConvertToProvider(value);
    }

    public void Set(object entity, object? stored)
    {
        if (stored is not null && stored.GetType() != _stored)
        {
            stored = Convert.ChangeType(stored, _stored, System.Globalization.CultureInfo.InvariantCulture);
        }
        var value = stored is null || _converter is null ? stored : _converter.ConvertFromProvider(stored);
        _set(entity, value);
    }

    private static Func<object, object, bool> Comparer(PropertyInfo property)
    {
        var a = Expression.Parameter(typeof(object), "a");
        var b = Expression.Parameter(typeof(object), "b");
        var left = Expression.Property(Expression.Convert(a, property.DeclaringType!), property);
        var right = Expression.Property(Expression.Convert(b, property.DeclaringType!), property);
        var same = typeof(RowColumn).GetMethod(nameof(SameValue), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(property.PropertyType);
        return Expression.Lambda<Func<object, object, bool>>(Expression.Call(same, left, right), a, b).Compile();
    }

    private static bool SameValue<T>(T a, T b)
    {
        if (typeof(T) == typeof(DateTimeOffset))
        {
            return ((DateTimeOffset)(object)a!).EqualsExact((DateTimeOffset)(object)b!);
        }
        if (typeof(T) == typeof(DateTimeOffset?))
        {
            var (x, y) = ((DateTimeOffset?)(object?)a, (DateTimeOffset?)(object?)b);
            return x.HasValue == y.HasValue && (!x.HasValue || x.Value.EqualsExact(y!.Value));
        }
        return EqualityComparer<T>.Default.Equals(a, b);
    }

    /// <summary>Compiled once: reflection's GetValue/SetValue on every column of every row was a visible share of a webhook job.</summary>
    private static (Func<object, object?> Get, Action<object, object?> Set) Accessors(System.Reflection.PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var value = Expression.Parameter(typeof(object), "value");
        var typed = Expression.Property(Expression.Convert(entity, property.DeclaringType!), property);
        var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(typed, typeof(object)), entity).Compile();
        var set = Expression.Lambda<Action<object, object?>>(Expression.Assign(typed, Expression.Convert(value, property.PropertyType)), entity, value).Compile();
        return (get, set);
    }
}
