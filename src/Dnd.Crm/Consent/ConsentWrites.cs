using Dnd.Rules.Engine;
using Dnd.Crm.Persistence;
using Dnd.Crm.Persistence.Rows;

namespace Dnd.Crm.Consent;

/// <summary>
/// Runs a consent write (a provider webhook's) as one account write, and answers once it is committed. On SQLite
/// it is a job of the database's <see cref="SqliteBatchWriter"/>: applied with hundreds of others in one transaction
/// on prepared statements. Elsewhere it is an <see cref="AccountWrites"/> write through EF. The work is the same
/// code either way, written against <see cref="ConsentApplier"/> and its <see cref="IConsentRows"/>.
/// </summary>
public sealed class ConsentWrites(DatabaseTarget database, SqliteWriters sqlite, ConsentEngine engine, TimeProvider clock, CommitWatchers watchers,
    IEnumerable<IConsentFollower> followers, IServiceProvider services)
{
    public Task<T> RunAsync<T>(string accountId, Func<ConsentApplier, ValueTask<T>> work, CancellationToken ct) =>
        RunAsync(accountId, (applier, _) => work(applier), ct);

    /// <summary>
    /// As above, and the work also gets the write's SQLite rows (on the batch writer), or null when the write is the
    /// scope's DbContext, so that rows beyond consent's (a workflow step's) are read and staged in the same write.
    /// </summary>
    public async Task<T> RunAsync<T>(string accountId, Func<ConsentApplier, SqliteRows?, ValueTask<T>> work, CancellationToken ct)
    {
        if (database.IsSqlite)
        {
            var watched = 0UL;
            var writer = sqlite.Batches(database.ConnectionString, () => Resolve<CrmDbContext>().Model);
            var result = await writer.RunAsync(async rows =>
            {
                var consentRows = new SqliteConsentRows(rows, watchers);
                var value = await work(new ConsentApplier(consentRows, new ConsentStore(consentRows, engine, clock, followers), engine, clock), rows);
                watched = consentRows.Watched;
                return value;
            });
            watchers.Committed(watched);
            return result;
        }
        var db = Resolve<CrmDbContext>();
        await using var write = await Resolve<AccountWrites>().BeginAsync(accountId, ct);
        var done = await work(Resolve<ConsentApplier>(), null);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return done;
    }

    /// <summary>The scope's own services, built only on the path that needs them (a DbContext is not free).</summary>
    private T Resolve<T>() where T : notnull => (T)services.GetService(typeof(T))!;
}
