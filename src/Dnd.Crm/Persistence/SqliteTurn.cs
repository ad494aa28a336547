using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dnd.Crm.Persistence;

/// <summary>
/// A DbContext on the SQLite writer's turn: until the turn ends it works on the writer's connection, inside the
/// batch's transaction; then it gets a connection of its own back, so what it reads afterwards is what was committed.
/// </summary>
internal sealed class SqliteTurn
{
    private readonly DatabaseFacade _database;
    private readonly SqliteGroupCommit.Turn _turn;
    private readonly string _connectionString;

    private SqliteTurn(DatabaseFacade database, SqliteGroupCommit.Turn turn, string connectionString) =>
        (_database, _turn, _connectionString) = (database, turn, connectionString);

    public static async Task<SqliteTurn> EnterAsync(DatabaseFacade database, SqliteWriters writers, CancellationToken ct)
    {
        var connectionString = database.GetConnectionString()!;
        var turn = await writers.For(connectionString).TakeTurnAsync(ct);
        var entered = new SqliteTurn(database, turn, connectionString);
        try
        {
            database.SetDbConnection(turn.Connection, contextOwnsConnection: false);
            await database.UseTransactionAsync(turn.Transaction, ct);
        }
        catch
        {
            entered.Abandon();
            throw;
        }
        return entered;
    }

    /// <summary>Keeps the changes; returns once the batch holding them is committed.</summary>
    public Task CommitAsync()
    {
        try
        {
            Leave();
        }
        catch
        {
            _turn.Abandon();
            throw;
        }
        return _turn.CommitAsync();
    }

    /// <summary>Undoes the changes made in this turn; the rest of the batch stands.</summary>
    public void Abandon()
    {
        try
        {
            Leave();
        }
        finally
        {
            // Whatever happened to the context, the turn must pass on, or every writer waits forever.
            _turn.Abandon();
        }
    }

    private void Leave()
    {
        _database.UseTransaction(null);
        _database.SetDbConnection(new SqliteConnection(_connectionString), contextOwnsConnection: true);
    }
}
