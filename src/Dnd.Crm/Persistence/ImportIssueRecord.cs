namespace Dnd.Crm.Persistence;

/// <summary>
/// Something about one row of an import, with the column it concerns: an error that keeps the row out, a note (a
/// duplicate merged into an earlier row's contact), or a DND change the rules refused when the row was applied.
/// </summary>
public sealed class ImportIssueRecord
{
    public long Id { get; set; }
    public required string ImportId { get; set; }

    /// <summary>The data row, 1-based, the header not counted (the spreadsheet's row is one more).</summary>
    public int Row { get; set; }

    /// <summary>The header name of the column, or null for the row as a whole.</summary>
    public string? Column { get; set; }

    /// <summary>One of <see cref="ImportIssueKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Message { get; set; }
}
