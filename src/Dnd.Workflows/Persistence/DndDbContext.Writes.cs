using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Workflows.Persistence;

public sealed partial class DndDbContext
{
    /// <summary>
    /// A save outside an account write (accounts, settings, smart lists, definitions) still takes the SQLite
    /// writer's turn: SQLite has one writer, and a second connection would wait on the open batch's lock, retrying
    /// with sleeps, and lose to a busy stream of account writes.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !Database.IsSqlite() || Writers is not { } writers)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var turn = await SqliteTurn.EnterAsync(Database, writers, cancellationToken);
        int saved;
        try
        {
            saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            turn.Abandon();
            throw;
        }
        await turn.CommitAsync();
        return saved;
    }

    /// <summary>The process's SQLite writers, from the application's services (none for a context made by hand).</summary>
    private SqliteWriters? Writers =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<SqliteWriters>();
}
