using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Microsoft.Data.Sqlite;

namespace Dnd.Host.Tests.Persistence;

/// <summary>
/// The SQLite writer's promises: a write's caller is answered only once its change is committed (seen from another
/// connection), a failed write takes only itself back, and no caller is left waiting when writers give up.
/// </summary>
public class SqliteGroupCommitTests
{
    private static async Task<(SqliteGroupCommit Writer, string ConnectionString)> NewAsync()
    {
        var connectionString = $"Data Source={TempFiles.NewDatabase()}";
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await Execute(setup, null, "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        }
        return (new SqliteGroupCommit(connectionString), connectionString);
    }

    private static async Task Execute(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        await using var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string where = "1=1")
    {
        await using var reader = new SqliteConnection(connectionString);
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM t WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Every_caller_is_answered_after_its_write_is_committed()
    {
        var (writer, connectionString) = await NewAsync();
        await using var _ = writer;
        const int writes = 2_000;
        var commitsSeen = 0L;

        await Parallel.ForAsync(0, writes, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var turn = await writer.TakeTurnAsync(ct);
            await Execute(turn.Connection, turn.Transaction, $"INSERT INTO t (id, v) VALUES ({i}, 'w{i}')");
            await turn.CommitAsync();
            // Answered: another connection must see it now, or a 2xx could be lost by a crash.
            (await CountAsync(connectionString, $"id = {i}")).Should().Be(1, $"write {i} was answered, so it is committed");
            Interlocked.Increment(ref commitsSeen);
        });

        (await CountAsync(connectionString)).Should().Be(writes);
        commitsSeen.Should().Be(writes);
    }

    [Fact]
    public async Task Writes_queued_behind_a_turn_share_one_commit()
    {
        var (writer, connectionString) = await NewAsync();
        await using var _ = writer;
        var holder = await writer.TakeTurnAsync(CancellationToken.None);
        var queued = Enumerable.Range(1, 100).Select(i => Task.Run(async () =>
        {
            var turn = await writer.TakeTurnAsync(CancellationToken.None);
            await Execute(turn.Connection, turn.Transaction, $"INSERT INTO t (id, v) VALUES ({i}, 'w')");
            await turn.CommitAsync();
        })).ToList();
        await Eventually.MatchAsync(() => Task.FromResult(writer.Queued), q => q == 100, "all writers queue behind the turn");

        await Execute(holder.Connection, holder.Transaction, "INSERT INTO t (id, v) VALUES (0, 'w')");
        await holder.CommitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10));

        (await CountAsync(connectionString)).Should().Be(101);
        writer.Commits.Should().BeLessThanOrEqualTo(20, "101 writes that queued together are committed in a few batches (each at most 2 ms old), not one each");
    }

    [Fact]
    public async Task A_failed_write_takes_back_only_itself()
    {
        var (writer, connectionString) = await NewAsync();
        await using var _ = writer;
        var first = await writer.TakeTurnAsync(CancellationToken.None);
        await Execute(first.Connection, first.Transaction, "INSERT INTO t (id, v) VALUES (1, 'kept')");

        var failing = Task.Run(async () =>
        {
            var turn = await writer.TakeTurnAsync(CancellationToken.None);
            await Execute(turn.Connection, turn.Transaction, "INSERT INTO t (id, v) VALUES (2, 'undone')");
            var duplicate = async () => await Execute(turn.Connection, turn.Transaction, "INSERT INTO t (id, v) VALUES (1, 'clash')");
            await duplicate.Should().ThrowAsync<SqliteException>();
            turn.Abandon();
        });
        await Eventually.MatchAsync(() => Task.FromResult(writer.Queued), q => q == 1, "the failing write queues behind the first");
        var last = Task.Run(async () =>
        {
            var turn = await writer.TakeTurnAsync(CancellationToken.None);
            await Execute(turn.Connection, turn.Transaction, "INSERT INTO t (id, v) VALUES (3, 'kept')");
            await turn.CommitAsync();
        });
        await Eventually.MatchAsync(() => Task.FromResult(writer.Queued), q => q == 2, "the last write queues too");
        await first.CommitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(failing, last).WaitAsync(TimeSpan.FromSeconds(10));

        (await CountAsync(connectionString, "v = 'kept'")).Should().Be(2);
        (await CountAsync(connectionString, "v <> 'kept'")).Should().Be(0, "the failed write's rows are undone, and only they");
    }

    [Fact]
    public async Task Writers_that_give_up_waiting_leave_nobody_waiting_and_no_lock_held()
    {
        var (writer, connectionString) = await NewAsync();
        await using var _ = writer;
        var holder = await writer.TakeTurnAsync(CancellationToken.None);
        await Execute(holder.Connection, holder.Transaction, "INSERT INTO t (id, v) VALUES (1, 'first')");
        using var cancel = new CancellationTokenSource();
        var impatient = Enumerable.Range(0, 5).Select(_ => writer.TakeTurnAsync(cancel.Token)).ToList();
        var committed = holder.CommitAsync();
        cancel.Cancel();
        foreach (var waiting in impatient)
        {
            try
            {
                (await waiting).Abandon();
            }
            catch (OperationCanceledException)
            {
            }
        }

        await committed.WaitAsync(TimeSpan.FromSeconds(5));
        (await CountAsync(connectionString)).Should().Be(1);
        // Idle: another connection can write at once (an open batch would hold SQLite's write lock).
        await using var other = new SqliteConnection(connectionString + ";Default Timeout=1");
        await other.OpenAsync();
        await Execute(other, null, "INSERT INTO t (id, v) VALUES (2, 'outside')");
    }
}
