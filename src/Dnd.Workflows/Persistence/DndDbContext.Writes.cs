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
        _newWork |= ChangeTracker.Entries<PendingTriggerRecord>().Any(e => e.State == EntityState.Added);
        if (Database.CurrentTransaction is not null)
        {
            // Inside an account write: its commit wakes the worker.
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (!Database.IsSqlite() || Writers is not { } writers)
        {
            var changed = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            WakeIfNewWork();
            return changed;
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
        WakeIfNewWork();
        return saved;
    }

    private bool _newWork;

    /// <summary>After a commit: wakes the worker when what was committed included pending triggers.</summary>
    internal void WakeIfNewWork()
    {
        if (_newWork)
        {
            _newWork = false;
            AppService<WorkSignal>()?.Pulse();
        }
    }

    /// <summary>A write was undone: the triggers it staged were never committed.</summary>
    internal void ForgetNewWork() => _newWork = false;

    /// <summary>The process's SQLite writers, from the application's services (none for a context made by hand).</summary>
    private SqliteWriters? Writers => AppService<SqliteWriters>();

    private T? AppService<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}
