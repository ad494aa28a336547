using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Dnd.Crm.Persistence;

/// <summary>
/// SQLite's one writer, with group commit. SQLite serialises writers anyway (one database write lock), and each
/// commit costs a WAL sync, so writes take turns on one connection inside one open transaction: each write is a
/// savepoint (undone alone if it fails), and the transaction commits when nobody is waiting for a turn, the batch
/// is full or a couple of milliseconds old. A write's caller is answered only after the commit that holds its change: the 2xx stays durable, but
/// the sync is paid once per batch instead of once per request.
/// </summary>
/// <remarks>
/// In-process only. Another process writing the same file waits on SQLite's own lock (busy timeout), as before.
/// </remarks>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>Past this many writes the batch commits before the next turn, bounding a batch's latency and size.</summary>
    public const int MaxBatch = 256;

    /// <summary>
    /// A batch older than this commits at the next turn's end even while writers queue: it bounds how long a
    /// caller waits for its commit, and how long the database lock is held from readers' checkpoints and from
    /// another process.
    /// </summary>
    public static readonly TimeSpan MaxBatchAge = TimeSpan.FromMilliseconds(2);

    private readonly TurnGate _turn = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteCheckpointer _checkpointer;
    private SqliteTransaction? _batch;
    private List<TaskCompletionSource> _waiting = [];
    private int _savepoints;
    private long _batchStarted;
    private int _queued;
    private long _commits;

    /// <summary>Writers waiting for a turn.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Transactions committed so far: fewer than the writes when they were grouped.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public SqliteGroupCommit(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using var pragmas = _connection.CreateCommand();
        // Savepoints' sub-journals in memory rather than temporary files created and deleted per write; and a page
        // cache of 8 MiB (4x SQLite's default) for the writer's hot index pages. Measured at 100k contacts: 32 and
        // 128 MiB wrote no faster and only grew the process (the OS page cache holds the file anyway).
        pragmas.CommandText = $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = {SqliteCheckpointer.BackstopPages};";
        pragmas.ExecuteNonQuery();
        using var secureDelete = _connection.CreateCommand();
        // Every write goes through this connection: deleted and overwritten content is zeroed, on its page and in the
        // pages it frees, so an erasure (or an import's file deleted) leaves no plaintext in free space. Cheap here: the
        // hot paths insert and update in place, where zeroing is a memset of a page being written anyway; only large
        // deletes (import files) write the freed pages once more.
        secureDelete.CommandText = "PRAGMA secure_delete = ON";
        secureDelete.ExecuteNonQuery();
        _checkpointer = new SqliteCheckpointer(connectionString);
    }

    /// <summary>Waits for the turn, then opens a savepoint in the batch; the turn is held until the write ends.</summary>
    /// <param name="priority">Ahead of every writer waiting without: the batch writer of the provider webhooks.</param>
    public async Task<Turn> TakeTurnAsync(CancellationToken ct, bool priority = false)
    {
        Interlocked.Increment(ref _queued);
        try
        {
            await _turn.WaitAsync(priority, ct);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref _queued);
            // The writer before us may have left the batch to us to commit; now nobody would.
            _ = FlushAsync();
            throw;
        }
        Interlocked.Decrement(ref _queued);
        try
        {
            if (_batch is null)
            {
                _batch = _connection.BeginTransaction(deferred: false);
                _batchStarted = Stopwatch.GetTimestamp();
            }
            var name = "w" + ++_savepoints;
            _batch.Save(name);
            return new Turn(this, _connection, _batch, name);
        }
        catch
        {
            EndTurn();
            throw;
        }
    }

    /// <summary>Commits what earlier writes left waiting, when no writer is about to.</summary>
    private async Task FlushAsync()
    {
        await _turn.WaitAsync(priority: false, CancellationToken.None);
        EndTurn();
    }

    /// <summary>
    /// Gives up the turn. The batch is committed first when no writer is queued to carry it on (or it is full or
    /// old), so no caller is left waiting and the write lock is not held while idle.
    /// </summary>
    /// <param name="moreComing">The writer ending its turn is about to take another: like a queued writer, it carries the batch on.</param>
    private void EndTurn(bool moreComing = false)
    {
        try
        {
            // Even a batch with nothing to keep ends here: an open transaction holds SQLite's write lock.
            if (_batch is not null &&
                ((Volatile.Read(ref _queued) == 0 && !moreComing) || _waiting.Count >= MaxBatch || Stopwatch.GetElapsedTime(_batchStarted) >= MaxBatchAge))
            {
                CommitBatch();
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The write succeeded: keep its savepoint's changes, give up the turn, and wait for them to be committed.</summary>
    private async Task FinishAsync(string savepoint, bool moreComing)
    {
        TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _batch!.Release(savepoint);
            _waiting.Add(committed);
        }
        catch (Exception e)
        {
            FailBatch(e);
            // Not yet among the waiting that FailBatch answered.
            committed.TrySetException(new InvalidOperationException("The write could not be kept.", e));
        }
        // Nobody else wants a turn, or the batch is full: this turn commits the batch. Otherwise the next writer
        // carries it on, and the last one of the run commits for everyone.
        EndTurn(moreComing);
        await committed.Task;
    }

    /// <summary>The write failed or was abandoned: undo its savepoint only; the rest of the batch stands.</summary>
    private void Abandon(string savepoint)
    {
        try
        {
            _batch!.Rollback(savepoint);
            _batch.Release(savepoint);
        }
        catch (Exception e)
        {
            // SQLite ends the whole transaction on some errors (disk full, I/O): nothing of the batch was kept.
            FailBatch(e);
        }
        EndTurn();
    }

    /// <summary>How often the planner's statistics are refreshed (and at the first commit).</summary>
    public static readonly TimeSpan AnalyzeEvery = TimeSpan.FromMinutes(10);

    private long _analyzedAt;

    private void CommitBatch()
    {
        var waiting = _waiting;
        _waiting = [];
        try
        {
            AnalyzeWhenDue();
            _batch!.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception e)
        {
            Fail(waiting, e);
            DropBatch();
            return;
        }
        DropBatch();
        foreach (var w in waiting)
        {
            w.SetResult();
        }
    }

    /// <summary>
    /// Without statistics SQLite's planner guesses, and guessed wrong where it mattered: cancelling a contact's queued
    /// messages went through the (Status, CreatedAt) index and read every queued message of the database. A sampled
    /// ANALYZE (a few milliseconds at 100,000 contacts) runs in the batch's transaction when due.
    /// </summary>
    private void AnalyzeWhenDue()
    {
        if (_analyzedAt != 0 && Stopwatch.GetElapsedTime(_analyzedAt) < AnalyzeEvery)
        {
            return;
        }
        _analyzedAt = Stopwatch.GetTimestamp();
        using var analyze = _connection.CreateCommand();
        analyze.Transaction = _batch;
        analyze.CommandText = "PRAGMA analysis_limit = 400; ANALYZE;";
        try
        {
            analyze.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Statistics are an optimisation: the batch commits without fresh ones.
        }
    }

    private void FailBatch(Exception e)
    {
        var waiting = _waiting;
        _waiting = [];
        Fail(waiting, e);
        try
        {
            _batch?.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite itself.
        }
        DropBatch();
    }

    private static void Fail(List<TaskCompletionSource> waiting, Exception e)
    {
        var failure = new InvalidOperationException("The batch this write belonged to could not be committed; the write was not kept.", e);
        foreach (var w in waiting)
        {
            w.SetException(failure);
        }
    }

    private void DropBatch()
    {
        _batch?.Dispose();
        _batch = null;
        _savepoints = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync(priority: false, CancellationToken.None);
        if (_batch is not null)
        {
            CommitBatch();
        }
        await _checkpointer.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>One write's turn: the shared connection and batch transaction, and how it ends.</summary>
    public sealed class Turn(SqliteGroupCommit owner, SqliteConnection connection, SqliteTransaction transaction, string savepoint)
    {
        private bool _ended;

        public SqliteConnection Connection { get; } = connection;

        public SqliteTransaction Transaction { get; } = transaction;

        /// <summary>Ends the turn keeping its changes; the task completes once they are committed.</summary>
        /// <param name="moreComing">
        /// The caller takes another turn at once (the batch writer with more jobs queued), so the commit may wait for
        /// that turn's end. The turn is given up before this returns: do not wait for the task before the next turn.
        /// </param>
        public Task CommitAsync(bool moreComing = false)
        {
            _ended = true;
            return owner.FinishAsync(savepoint, moreComing);
        }

        public void Abandon()
        {
            if (!_ended)
            {
                _ended = true;
                owner.Abandon(savepoint);
            }
        }
    }
}
