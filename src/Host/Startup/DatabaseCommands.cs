using Dnd.Crm.Persistence;
using Microsoft.Data.Sqlite;

namespace Dnd.Host.Startup;

/// <summary>
/// `dotnet Dnd.Host.dll backup FILE` and `restore FILE`, on the configured embedded SQLite database. Backup runs while
/// the server serves: VACUUM INTO copies one consistent snapshot (a read transaction, which WAL lets writers go on
/// beside) into a compact new file, then checks it. Restore is for a stopped server: it checks the backup, keeps the
/// current database beside it, and puts the backup in its place. PostgreSQL has pg_dump/pg_restore (README).
/// </summary>
public static class DatabaseCommands
{
    public static bool IsCommand(string[] args) => args is ["backup" or "restore", ..];

    /// <returns>The process's exit code: 0 done, 1 refused (said why on stderr), 2 usage.</returns>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        if (args is not [var verb, var file])
        {
            await Console.Error.WriteLineAsync("usage: dotnet Dnd.Host.dll backup FILE | restore FILE");
            return 2;
        }
        var target = services.GetRequiredService<DatabaseTarget>();
        if (!target.IsSqlite)
        {
            await Console.Error.WriteLineAsync($"The database is {target.Provider}: back it up with pg_dump and restore it with pg_restore (README, Backups).");
            return 1;
        }
        var live = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
        try
        {
            return verb == "backup" ? await BackupAsync(target.ConnectionString, Path.GetFullPath(file)) : await RestoreAsync(Path.GetFullPath(file), live);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> BackupAsync(string connectionString, string file)
    {
        if (File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} exists; a backup never overwrites one.");
            return 1;
        }
        // Read-only: a backup of a database that is not there must not create an empty one.
        await using (var db = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            await db.OpenAsync();
            await using var vacuum = db.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", file);
            await vacuum.ExecuteNonQueryAsync();
        }
        return await CheckAsync(file, "backed up to");
    }

    private static async Task<int> RestoreAsync(string backup, string live)
    {
        if (!File.Exists(backup))
        {
            await Console.Error.WriteLineAsync($"{backup} does not exist.");
            return 1;
        }
        if (await CheckAsync(backup, "restoring") != 0)
        {
            return 1;
        }
        var staged = live + ".restoring";
        File.Copy(backup, staged, overwrite: true);
        if (File.Exists(live))
        {
            // The database replaced is kept, not deleted: a restore of the wrong file must be undoable.
            var kept = $"{live}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(live, kept);
            await Console.Out.WriteLineAsync($"the database it replaces is kept as {kept}");
        }
        // A stopped server's write-ahead log belongs to the database replaced; left beside the backup it would corrupt it.
        foreach (var sidecar in new[] { "-wal", "-shm" }.Select(s => live + s).Where(File.Exists))
        {
            File.Move(sidecar, sidecar + ".before-restore");
        }
        File.Move(staged, live);
        await Console.Out.WriteLineAsync($"restored {backup} to {live}");
        return 0;
    }

    /// <summary>SQLite's integrity check, and what the file holds, said on stdout.</summary>
    private static async Task<int> CheckAsync(string file, string what)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await db.OpenAsync();
        var integrity = (string?)await Scalar(db, "PRAGMA integrity_check");
        if (integrity != "ok")
        {
            await Console.Error.WriteLineAsync($"{file} fails SQLite's integrity check: {integrity}");
            return 1;
        }
        var contacts = await Scalar(db, "SELECT count(*) FROM \"Contacts\"");
        var ledger = await Scalar(db, "SELECT count(*) FROM \"Ledger\"");
        await Console.Out.WriteLineAsync($"{what} {file}: {contacts} contacts, {ledger} ledger lines, integrity ok");
        return 0;
    }

    private static async Task<object?> Scalar(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
