using System.Collections.Concurrent;

namespace Dnd.Workflows.Persistence;

/// <summary>The one <see cref="SqliteGroupCommit"/> writer of each SQLite database this process writes to.</summary>
public sealed class SqliteWriters : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<SqliteGroupCommit>> _writers = new(StringComparer.Ordinal);

    public SqliteGroupCommit For(string connectionString) =>
        _writers.GetOrAdd(connectionString, cs => new Lazy<SqliteGroupCommit>(() => new SqliteGroupCommit(cs))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in _writers.Values.Where(w => w.IsValueCreated))
        {
            await writer.Value.DisposeAsync();
        }
    }
}
