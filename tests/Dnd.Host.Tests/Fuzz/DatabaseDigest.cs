using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// A hash of every row of every table of the server's SQLite file, per table, read over a connection of our own.
/// Comparing two digests says whether a request changed anything at all, and which tables.
/// </summary>
public sealed class DatabaseDigest : IDisposable
{
    private readonly SqliteConnection _connection;
    private long _seenVersion = -1;
    private IReadOnlyDictionary<string, string>? _last;

    public DatabaseDigest(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        _connection.Open();
    }

    /// <summary>
    /// Table name to hash. Recomputed only when another connection committed since the last call (SQLite's
    /// data_version), which keeps 2,000 cases fast: most refused requests commit nothing and cost one pragma.
    /// </summary>
    public IReadOnlyDictionary<string, string> Current()
    {
        var version = Scalar<long>("PRAGMA data_version");
        if (_last is not null && version == _seenVersion)
        {
            return _last;
        }
        _seenVersion = version;
        return _last = Compute();
    }

    /// <summary>Names of tables whose content differs between two digests.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Order().ToList();

    private Dictionary<string, string> Compute()
    {
        var tables = new List<string>();
        using (var list = _connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        return tables.ToDictionary(t => t, Hash);
    }

    private string Hash(string table)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"")}\" ORDER BY {OrderBy(table)}";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                // Type tag and length before each value, so ("ab","c") and ("a","bc") hash differently.
                var value = reader.IsDBNull(i) ? [] : reader.GetValue(i) switch
                {
                    byte[] bytes => bytes,
                    var other => Encoding.UTF8.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                };
                hash.AppendData([(byte)(reader.IsDBNull(i) ? 0 : 1)]);
                hash.AppendData(BitConverter.GetBytes(value.Length));
                hash.AppendData(value);
            }
        }
        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }

    /// <summary>rowid order, or the primary key's columns for a WITHOUT ROWID table.</summary>
    private string OrderBy(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($t) WHERE pk > 0 ORDER BY pk";
        command.Parameters.AddWithValue("$t", table);
        var keys = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                keys.Add("\"" + reader.GetString(0).Replace("\"", "\"\"") + "\"");
            }
        }
        var withoutRowid = Scalar<long>($"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table.Replace("'", "''")}' AND sql LIKE '%WITHOUT ROWID%'") > 0;
        return withoutRowid && keys.Count > 0 ? string.Join(", ", keys) : "rowid";
    }

    private T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T));
    }

    public void Dispose() => _connection.Dispose();
}
