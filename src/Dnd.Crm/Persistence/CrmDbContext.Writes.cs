using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Persistence;

public partial class CrmDbContext
{
    /// <summary>
    /// A save outside an account write (accounts, settings, smart lists, definitions) still takes the SQLite
    /// writer's turn: SQLite has one writer, and a second connection would wait on the open batch's lock, retrying
    /// with sleeps, and lose to a busy stream of account writes.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (AppService<CommitWatchers>() is { HasAny: true } watchers)
        {
            foreach (var entry in ChangeTracker.Entries())
            {
                if (entry.State == EntityState.Added)
                {
                    _watched = watchers.Noted(_watched, entry.Entity);
                }
            }
        }
        if (Database.CurrentTransaction is not null)
        {
            // Inside an account write: its commit tells the watchers.
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

    // The watchers (CommitWatchers) whose rows this context added since its last commit.
    private ulong _watched;

    /// <summary>After a commit: tells the watchers whose rows were committed (the worker wakes for pending triggers).</summary>
    internal void WakeIfNewWork()
    {
        if (_watched != 0)
        {
            var watched = _watched;
            _watched = 0;
            AppService<CommitWatchers>()?.Committed(watched);
        }
    }

    /// <summary>A write was undone: the rows it staged were never committed.</summary>
    internal void ForgetNewWork() => _watched = 0;

    /// <summary>The process's SQLite writers, from the application's services (none for a context made by hand).</summary>
    private SqliteWriters? Writers => AppService<SqliteWriters>();

    private T? AppService<T>() where T : class =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<T>();
}
