using System.Collections.Concurrent;
using Dnd.Crm.Persistence.Rows;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dnd.Crm.Persistence;

/// <summary>The one <see cref="SqliteGroupCommit"/> writer of each SQLite database this process writes to.</summary>
public sealed class SqliteWriters : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SqliteGroupCommit>> _writers = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, Lazy<SqliteBatchWriter>> _batches = new(StringComparer.Ordinal);

    public SqliteGroupCommit For(string connectionString) =>
        _writers.GetOrAdd(connectionString, cs => new Lazy<SqliteGroupCommit>(() => new SqliteGroupCommit(cs))).Value;

    /// <summary>The database's batch writer; its jobs take turns on <see cref="For"/> like every other write.</summary>
    public SqliteBatchWriter Batches(string connectionString, Func<IModel> model) =>
        _batches.GetOrAdd(connectionString, cs => new Lazy<SqliteBatchWriter>(() => new SqliteBatchWriter(For(cs), new RowMaps(model())))).Value;

    public async ValueTask DisposeAsync()
    {
        // Batches first: their last jobs still need the writer's turn.
        foreach (var batches in _batches.Values.Where(b => b.IsValueCreated))
        {
            await batches.Value.DisposeAsync();
        }
        foreach (var writer in _writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync();
        }
    }
}
