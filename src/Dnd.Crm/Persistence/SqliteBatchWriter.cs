using System.Diagnostics;
using System.Threading.Channels;
using Dnd.Shared.Telemetry;
using Dnd.Crm.Persistence.Rows;

namespace Dnd.Crm.Persistence;

/// <summary>
/// The hot writes of a SQLite database (provider webhooks) as jobs run back to back by one loop: it takes one turn of
/// the database's <see cref="SqliteGroupCommit"/> for as many queued jobs as there are (up to <see cref="MaxBatch"/>),
/// runs each in a savepoint of its own on prepared statements (<see cref="SqliteRows"/>), and answers every job once
/// the transaction holding them is committed. No request waits for a turn of its own, hands the connection to the
/// next, or builds a DbContext; a job that throws is undone alone.
/// </summary>
public sealed class SqliteBatchWriter : IAsyncDisposable
{
    public const int MaxBatch = SqliteGroupCommit.MaxBatch;

    // Not SingleReader: that channel cannot count what is queued, which the loop asks at each turn's end.
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>();
    private readonly SqliteGroupCommit _database;
    private readonly RowMaps _maps;
    private readonly Task _loop;
    private SqliteRows? _rows;
    // Batches run whose jobs are not answered yet (their commit is under way).
    private int _unanswered;

    public SqliteBatchWriter(SqliteGroupCommit database, RowMaps maps)
    {
        (_database, _maps) = (database, maps);
        // The loop outlives whichever request built this writer: it must not carry that request's span or log scope.
        using (ExecutionContext.SuppressFlow())
        {
            _loop = Task.Run(LoopAsync);
        }
    }

    /// <summary>Batches run so far (a commit may hold several).</summary>
    public long Batches { get; private set; }

    /// <summary>Runs <paramref name="work"/> in the next batch; returns its result once it is committed.</summary>
    /// <remarks>A job is not cancelled once queued: what a provider sent is applied, and a retry finds it applied.</remarks>
    public Task<T> RunAsync<T>(Func<SqliteRows, ValueTask<T>> work)
    {
        var job = new Job<T>(work);
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new ObjectDisposedException(nameof(SqliteBatchWriter));
        }
        return job.Result;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Job>(MaxBatch);
        while (await _jobs.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job))
            {
                batch.Add(job);
            }
            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception e)
            {
                foreach (var job in batch)
                {
                    job.Fail(e);
                }
            }
            batch.Clear();
        }
    }

    private async Task RunBatchAsync(List<Job> batch)
    {
        var turn = await _database.TakeTurnAsync(CancellationToken.None, priority: true);
        DndMetrics.WriteBatchSize.Record(batch.Count);
        using var span = StartBatchSpan(batch);
        var started = WriterStats.Enabled ? WriterStats.Now() : default;
        var rows = _rows ??= new SqliteRows(turn.Connection, _maps);
        rows.Transaction = turn.Transaction;
        var kept = new List<Job>(batch.Count);
        bool moreComing;
        try
        {
            foreach (var job in batch)
            {
                rows.Execute("SAVEPOINT job");
                try
                {
                    // The job's spans (decision, ledger) belong to the request that queued it, not to this loop.
                    if (span is not null)
                    {
                        Activity.Current = job.Caller;
                    }
                    await job.RunAsync(rows);
                    rows.Flush();
                    rows.Execute("RELEASE job");
                    kept.Add(job);
                }
                catch (Exception e)
                {
                    rows.Discard();
                    rows.Execute("ROLLBACK TO job");
                    rows.Execute("RELEASE job");
                    job.Fail(e);
                }
            }
            if (span is not null)
            {
                Activity.Current = span;
            }
            moreComing = _jobs.Reader.Count > 0;
        }
        catch
        {
            // Whatever failed, the turn must pass on, or every writer waits forever.
            turn.Abandon();
            throw;
        }
        Batches++;
        // With more jobs queued the loop runs them at once, in the same open transaction; the commit (one WAL sync)
        // then serves several batches. Each job is answered when the commit holding it is done.
        Interlocked.Increment(ref _unanswered);
        var ran = WriterStats.Enabled ? WriterStats.Now() : default;
        var committed = turn.CommitAsync(moreComing);
        if (WriterStats.Enabled)
        {
            WriterStats.Batch(batch.Count, started, ran, WriterStats.Now());
        }
        _ = AnswerAsync(committed, kept);
    }

    /// <summary>The group commit's own trace, linked to each request whose job it carries (one span, many parents).</summary>
    private static Activity? StartBatchSpan(List<Job> batch)
    {
        if (!DndTelemetry.Source.HasListeners())
        {
            return null;
        }
        Activity.Current = null;
        var links = batch.Where(j => j.Caller is not null).Select(j => new ActivityLink(j.Caller!.Context));
        var span = DndTelemetry.Source.StartActivity("dnd.write.batch", ActivityKind.Internal, parentContext: default, links: links);
        span?.SetTag("dnd.batch.size", batch.Count);
        return span;
    }

    private async Task AnswerAsync(Task committed, List<Job> kept)
    {
        try
        {
            await committed;
            foreach (var job in kept)
            {
                job.Complete();
            }
        }
        catch (Exception e)
        {
            foreach (var job in kept)
            {
                job.Fail(e);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _unanswered);
        }
    }

    /// <summary>Takes no more jobs, and returns once every queued job has run and been answered.</summary>
    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
        while (Volatile.Read(ref _unanswered) > 0)
        {
            await Task.Delay(1);
        }
        // The rows' native statements go before the connection they were prepared on is closed.
        _rows?.Dispose();
    }

    private abstract class Job
    {
        /// <summary>The span current where the job was queued (a webhook's request), when anyone records spans.</summary>
        public Activity? Caller { get; } = DndTelemetry.Source.HasListeners() ? Activity.Current : null;

        public abstract ValueTask RunAsync(SqliteRows rows);

        public abstract void Complete();

        public abstract void Fail(Exception e);
    }

    private sealed class Job<T>(Func<SqliteRows, ValueTask<T>> work) : Job
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _value = default!;

        public Task<T> Result => _done.Task;

        public override async ValueTask RunAsync(SqliteRows rows) => _value = await work(rows);

        public override void Complete() => _done.TrySetResult(_value);

        public override void Fail(Exception e) => _done.TrySetException(e);
    }
}
