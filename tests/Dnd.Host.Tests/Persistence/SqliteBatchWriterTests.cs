using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Persistence;
using Dnd.Crm.Persistence.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Tests.Persistence;

/// <summary>
/// The webhook batch writer's promises: many jobs share a turn and a commit, a job is answered only once its rows
/// are committed (seen from another connection), a job that throws is undone alone, and disposing finishes what
/// was queued.
/// </summary>
public class SqliteBatchWriterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private sealed class Boom(string message) : Exception(message);

    /// <summary>Disposes the writer, then its database, each within the deadline: a broken writer fails the test rather than hanging the run.</summary>
    private sealed class Disposer(SqliteGroupCommit database, SqliteBatchWriter writer) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await writer.DisposeAsync().AsTask().WaitAsync(Deadline);
            await database.DisposeAsync().AsTask().WaitAsync(Deadline);
        }
    }

    private static async Task<(SqliteGroupCommit Database, SqliteBatchWriter Writer, string ConnectionString)> NewAsync(string? extraSchema = null)
    {
        var connectionString = $"Data Source={TempFiles.NewDatabase()};Foreign Keys=True";
        RowMaps maps;
        await using (var db = new DndDbContext(new DbContextOptionsBuilder<DndDbContext>().UseSqlite(connectionString).Options))
        {
            db.Database.EnsureCreated();
            // As the host runs it (DatabaseInitializer): readers never wait for the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            if (extraSchema is not null)
            {
                await db.Database.ExecuteSqlRawAsync(extraSchema);
            }
            maps = new RowMaps(db.Model);
        }
        var database = new SqliteGroupCommit(connectionString);
        return (database, new SqliteBatchWriter(database, maps), connectionString);
    }

    private static ProcessedWebhookRecord Webhook(string eventId) => new()
    {
        AccountId = "acct-1", Provider = "twilio-message", EventId = eventId, BodyHash = "hash-" + eventId,
        At = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 10, TimeSpan.FromHours(2)),
    };

    /// <summary>Counts on a fresh connection of its own: only committed rows are seen there.</summary>
    private static async Task<long> CountAsync(string connectionString, string where = "1=1", params object[] args)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"ProcessedWebhooks\" WHERE {where}";
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, args[i]);
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> CountEventAsync(string connectionString, string eventId) =>
        CountAsync(connectionString, "\"EventId\" = $p0", eventId);

    [Fact]
    public async Task Every_job_is_answered_after_its_rows_are_committed_and_jobs_share_batches()
    {
        var (database, writer, connectionString) = await NewAsync();
        await using var _ = new Disposer(database, writer);
        const int jobs = 500;
        var committedWhenAnswered = 0;

        var all = Enumerable.Range(0, jobs).Select(i => Task.Run(async () =>
        {
            var answer = await writer.RunAsync(rows =>
            {
                rows.Add(Webhook("e" + i));
                return ValueTask.FromResult(i);
            });
            answer.Should().Be(i, "a job is answered with its own result");
            // Answered: another connection must see the row now, or a provider's 2xx could be lost by a crash.
            (await CountEventAsync(connectionString, "e" + i)).Should().Be(1, $"job {i} was answered, so its row is committed");
            Interlocked.Increment(ref committedWhenAnswered);
        })).ToList();
        await Task.WhenAll(all).WaitAsync(Deadline);

        committedWhenAnswered.Should().Be(jobs);
        (await CountAsync(connectionString)).Should().Be(jobs);
        writer.Batches.Should().BeGreaterThan(0).And.BeLessThan(jobs, "jobs queued together run in one turn and one commit");
        database.Commits.Should().BeLessThanOrEqualTo(writer.Batches);
    }

    [Fact]
    public async Task A_job_whose_batch_fails_to_commit_is_not_answered_as_done()
    {
        // A deferred foreign key is checked only at COMMIT: the job's statements succeed, its batch cannot commit.
        var (database, writer, connectionString) = await NewAsync(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY); " +
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);");
        await using var _ = new Disposer(database, writer);

        var doomed = writer.RunAsync(rows =>
        {
            rows.Add(Webhook("doomed"));
            rows.Execute("INSERT INTO child (parent_id) VALUES (42)");
            return ValueTask.FromResult(1);
        });

        (await doomed.Invoking(t => t.WaitAsync(Deadline)).Should().ThrowAsync<InvalidOperationException>(
            "a job is answered only once its batch is committed, and this one never was"))
            .WithInnerException<SqliteException>();
        (await CountEventAsync(connectionString, "doomed")).Should().Be(0);

        // The writer carries on with the next batch.
        (await writer.RunAsync(rows =>
        {
            rows.Add(Webhook("later"));
            return ValueTask.FromResult(2);
        }).WaitAsync(Deadline)).Should().Be(2);
        (await CountAsync(connectionString)).Should().Be(1);
    }

    [Fact]
    public async Task A_job_that_throws_is_undone_alone_and_the_rest_of_its_batch_is_committed()
    {
        var (database, writer, connectionString) = await NewAsync();
        await using var _ = new Disposer(database, writer);

        // A first job holds the writer's turn while the burst queues, so the burst runs as one batch after it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = writer.RunAsync(async rows =>
        {
            started.SetResult();
            await go.Task;
            rows.Add(Webhook("first"));
            return 0;
        });
        await started.Task.WaitAsync(Deadline);
        var batchesBefore = writer.Batches;

        var before = Enumerable.Range(0, 5).Select(i => writer.RunAsync(rows =>
        {
            rows.Add(Webhook("before" + i));
            return ValueTask.FromResult(i);
        })).ToList();
        // Writes its row (flushed into the batch transaction), then throws: the savepoint must take the row back.
        var written = writer.RunAsync<int>(rows =>
        {
            rows.Add(Webhook("thrown-written"));
            rows.Flush();
            throw new Boom("after a write");
        });
        // Stages a row, then throws: the staged row must not be written by the next job's flush.
        var staged = writer.RunAsync<int>(rows =>
        {
            rows.Add(Webhook("thrown-staged"));
            return ValueTask.FromException<int>(new Boom("after staging"));
        });
        // Its own row clashes with a row of the same batch: the insert fails in its savepoint.
        var clash = writer.RunAsync(rows =>
        {
            rows.Add(Webhook("clash-own"));
            rows.Add(Webhook("before0"));
            return ValueTask.FromResult(-1);
        });
        var after = Enumerable.Range(0, 5).Select(i => writer.RunAsync(rows =>
        {
            rows.Exists("SELECT 1 FROM \"ProcessedWebhooks\" WHERE \"EventId\" = $p0", "thrown-written")
                .Should().BeFalse("the failed job's row was rolled back before the next job ran");
            rows.Add(Webhook("after" + i));
            return ValueTask.FromResult(i);
        })).ToList();
        go.SetResult();

        await first.WaitAsync(Deadline);
        (await written.Invoking(t => t.WaitAsync(Deadline)).Should().ThrowAsync<Boom>()).WithMessage("after a write");
        (await staged.Invoking(t => t.WaitAsync(Deadline)).Should().ThrowAsync<Boom>()).WithMessage("after staging");
        await clash.Invoking(t => t.WaitAsync(Deadline)).Should().ThrowAsync<SqliteException>();
        (await Task.WhenAll(before).WaitAsync(Deadline)).Should().Equal(0, 1, 2, 3, 4);
        (await Task.WhenAll(after).WaitAsync(Deadline)).Should().Equal(0, 1, 2, 3, 4);

        (writer.Batches - batchesBefore).Should().Be(2, "the held job's batch, then the whole burst in one batch");
        (await CountEventAsync(connectionString, "thrown-written")).Should().Be(0, "the job that threw is undone");
        (await CountEventAsync(connectionString, "thrown-staged")).Should().Be(0, "what the job that threw staged is forgotten");
        (await CountEventAsync(connectionString, "clash-own")).Should().Be(0, "a job whose insert failed keeps none of its rows");
        (await CountAsync(connectionString, "\"EventId\" LIKE 'before%'")).Should().Be(5);
        (await CountAsync(connectionString, "\"EventId\" LIKE 'after%'")).Should().Be(5);
        (await CountAsync(connectionString)).Should().Be(11, "first, five before and five after: the others of the burst stand");
    }

    [Fact]
    public async Task Disposing_finishes_the_queued_jobs()
    {
        var (database, writer, connectionString) = await NewAsync();
        const int jobs = 300;
        var queued = Enumerable.Range(0, jobs).Select(i => writer.RunAsync(rows =>
        {
            rows.Add(Webhook("d" + i));
            return ValueTask.FromResult(i);
        })).ToList();

        await writer.DisposeAsync().AsTask().WaitAsync(Deadline);
        queued.Should().OnlyContain(t => t.IsCompletedSuccessfully, "disposing waits for every queued job to be committed");
        Action late = () => writer.RunAsync(_ => ValueTask.FromResult(0));
        late.Should().Throw<ObjectDisposedException>("a disposed writer takes no more jobs");
        await database.DisposeAsync().AsTask().WaitAsync(Deadline);

        (await CountAsync(connectionString)).Should().Be(jobs);
    }
}
