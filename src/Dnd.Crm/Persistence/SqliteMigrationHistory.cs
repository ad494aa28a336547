using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dnd.Crm.Persistence;

/// <summary>
/// The migrations an SQLite database records as applied, read with plain queries. EF's own read builds a model of its
/// history table first: about 60 ms, a tenth of a start, to learn at almost every start that nothing is pending.
/// </summary>
public static class SqliteMigrationHistory
{
    private const string Table = HistoryRepository.DefaultTableName;

    /// <returns>The applied migrations' ids; null when the database has no history table (new, or from before migrations).</returns>
    public static async Task<IReadOnlyList<string>?> AppliedAsync(DatabaseFacade database, CancellationToken ct) =>
        await PlainSql.StringsAsync(database, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{Table}'", ct) is []
            ? null
            : await PlainSql.StringsAsync(database, $"SELECT \"MigrationId\" FROM {Rows.RowMap.Quote(Table)}", ct);
}
