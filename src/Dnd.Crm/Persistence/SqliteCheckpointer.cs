using Microsoft.Data.Sqlite;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Copies the WAL back into the database file from a connection of its own, a few times a second. Left to SQLite,
/// the checkpoint runs inside whichever commit crosses the WAL's size threshold, with the writer's turn held through
/// its page copies and the database file's fsync, so every queued write waits for it. A passive checkpoint here
/// blocks no writer; the writer's own automatic checkpoint stays as a backstop at a larger size.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>WAL pages past which the writer's commit checkpoints by itself (SQLite's default is 1,000).</summary>
    public const int BackstopPages = 16_000;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // Busy with another checkpoint, or the database is going away: the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
