using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dnd.Load;

/// <summary>
/// What the database alone can do on this machine, in the same run: single-row write transactions per second from
/// one thread (each webhook is one transaction), and rows per second in transactions of 256 rows (what group commit
/// could reach). The row is ledger-sized.
/// </summary>
public static partial class Ceilings
{
    public const int BatchRows = 256;

    public sealed record DbCeiling(double CommitsPerSecond, double BatchedRowsPerSecond, string Setting);

    /// <summary>
    /// The synchronous setting the server runs with: the first PRAGMA synchronous in src/ (a comment saying so
    /// would fool it; the report names the file), else null for the library's default.
    /// </summary>
    public static (string? Value, string Where) ServerSynchronous(string root)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")).Order())
        {
            var match = SynchronousPragma().Match(File.ReadAllText(file));
            if (match.Success)
            {
                return (match.Groups[1].Value.ToUpperInvariant(), Path.GetRelativePath(root, file));
            }
        }
        return (null, "src/ sets none");
    }

    [GeneratedRegex(@"synchronous\s*=\s*['""]?(OFF|NORMAL|FULL|EXTRA|[0-3])\b", RegexOptions.IgnoreCase)]
    private static partial Regex SynchronousPragma();

    private const string Create = "CREATE TABLE Ledger (Id TEXT PRIMARY KEY, AccountId TEXT NOT NULL, ContactId TEXT, Sequence INTEGER NOT NULL, At INTEGER NOT NULL, Event TEXT NOT NULL, Explanation TEXT NOT NULL)";
    private const string Insert = "INSERT INTO Ledger (Id, AccountId, ContactId, Sequence, At, Event, Explanation) VALUES (@id, @account, @contact, @seq, @at, @event, @explanation)";
    private const string Explanation = "SMS: inactive -> permanent by rule InboundOptOutKeyword, policy ContactOptOutAlwaysApplies (the contact replied STOP)";

    public static DbCeiling Sqlite(string folder, string? serverSynchronous, double seconds)
    {
        var path = Path.Combine(folder, "ceiling.db");
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
        // Like the server: WAL is turned on once, by the connection that creates the schema; the others get the
        // library's default synchronous setting unless the server sets one.
        using (var setup = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            setup.Open();
            Exec(setup, "PRAGMA journal_mode=WAL;");
            Exec(setup, Create);
        }
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        if (serverSynchronous is not null)
        {
            Exec(connection, $"PRAGMA synchronous={serverSynchronous};");
        }
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA synchronous;";
        var synchronous = Convert.ToInt32(read.ExecuteScalar()) switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", var n => n.ToString() };
        read.CommandText = "PRAGMA journal_mode;";
        var journal = (string)read.ExecuteScalar()!;

        using var insert = connection.CreateCommand();
        insert.CommandText = Insert;
        foreach (var name in new[] { "@id", "@account", "@contact", "@seq", "@at", "@event", "@explanation" })
        {
            insert.Parameters.Add(new SqliteParameter(name, null));
        }
        insert.Prepare();
        long seq = 0;
        void Row()
        {
            seq++;
            insert.Parameters[0].Value = Guid.NewGuid().ToString("N");
            insert.Parameters[1].Value = "bench";
            insert.Parameters[2].Value = $"bench{seq % 100_000:D8}";
            insert.Parameters[3].Value = seq;
            insert.Parameters[4].Value = DateTime.UtcNow.Ticks;
            insert.Parameters[5].Value = "inbound.message SMS";
            insert.Parameters[6].Value = Explanation;
            insert.ExecuteNonQuery();
        }
        double Measure(int rowsPerTransaction, double forSeconds)
        {
            long rows = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < forSeconds)
            {
                using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE, as the server's writes
                insert.Transaction = transaction;
                for (var i = 0; i < rowsPerTransaction; i++)
                {
                    Row();
                }
                transaction.Commit();
                rows += rowsPerTransaction;
            }
            return rows / clock.Elapsed.TotalSeconds;
        }
        Measure(1, 0.5); // warm-up: file growth, statement cache
        var single = Measure(1, seconds);
        var batched = Measure(BatchRows, seconds);
        return new DbCeiling(single, batched, $"journal_mode={journal}, synchronous={synchronous}");
    }

    public static async Task<DbCeiling> PostgresAsync(string connectionString, double seconds)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var connection = await source.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS \"Ledger\"; " + Create.Replace("Ledger", "\"Ledger\"").Replace("INTEGER", "BIGINT"), connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        string setting;
        await using (var show = new NpgsqlCommand("SELECT current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync')", connection))
        {
            setting = "synchronous_commit=" + await show.ExecuteScalarAsync();
        }
        long seq = 0;
        NpgsqlBatchCommand Row()
        {
            seq++;
            var command = new NpgsqlBatchCommand(Insert.Replace("Ledger", "\"Ledger\"").Replace("@id", "$1").Replace("@account", "$2")
                .Replace("@contact", "$3").Replace("@seq", "$4").Replace("@at", "$5").Replace("@event", "$6").Replace("@explanation", "$7"));
            command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid().ToString("N") });
            command.Parameters.Add(new NpgsqlParameter { Value = "bench" });
            command.Parameters.Add(new NpgsqlParameter { Value = $"bench{seq % 100_000:D8}" });
            command.Parameters.Add(new NpgsqlParameter { Value = seq });
            command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow.Ticks });
            command.Parameters.Add(new NpgsqlParameter { Value = "inbound.message SMS" });
            command.Parameters.Add(new NpgsqlParameter { Value = Explanation });
            return command;
        }
        async Task<double> Measure(int rowsPerTransaction, double forSeconds)
        {
            long rows = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < forSeconds)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction);
                for (var i = 0; i < rowsPerTransaction; i++)
                {
                    batch.BatchCommands.Add(Row());
                }
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                rows += rowsPerTransaction;
            }
            return rows / clock.Elapsed.TotalSeconds;
        }
        await Measure(1, 0.5);
        var single = await Measure(1, seconds);
        var batched = await Measure(BatchRows, seconds);
        return new DbCeiling(single, batched, setting);
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
