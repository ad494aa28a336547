using Microsoft.Data.Sqlite;

namespace Dnd.Crm.Persistence;

/// <summary>
/// Copies the WAL into the database file and truncates it to nothing: after an erasure, the WAL's frames still hold
/// the pages as they were before it (the plaintext), until later writes happen to overwrite them.
/// </summary>
public static class SqliteWalTruncation
{
    private const int Tries = 20;

    /// <returns>Whether the WAL is empty now; false when readers or checkpoints kept it busy through every try.</returns>
    public static async Task<bool> TruncateAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var i = 0; i < Tries; i++)
        {
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                // One row: busy (1 when it could not finish), WAL frames, frames checkpointed.
                if (await reader.ReadAsync(ct) && reader.GetInt32(0) == 0)
                {
                    return true;
                }
            }
            // The passive checkpointer, or a reader on an older snapshot, was in the way: both are over in moments.
            await Task.Delay(50, ct);
        }
        return false;
    }
}
