using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Imports;

/// <summary>A problem or note about one row of an import.</summary>
/// <param name="Id">Its position in the import's list: give it as "after" for the next page.</param>
/// <param name="Row">The data row, 1-based, the header not counted (a spreadsheet shows it one row lower).</param>
/// <param name="Column">The column's header name; null when it is the row as a whole.</param>
/// <param name="Kind">error (the row is not applied), note (a duplicate merged), or refused (a DND change the rules refused on apply).</param>
public sealed record ImportIssueDto(long Id, int Row, string? Column, string Kind, string Message)
{
    public static ImportIssueDto From(ImportIssueRecord r) => new(r.Id, r.Row, r.Column, r.Kind, r.Message);
}
