using Dnd.Host.Api.Contacts;

namespace Dnd.Host.Api.Imports;

/// <summary>One data row of an import, read and checked: the contact write it asks for, or what is wrong with it.</summary>
/// <param name="Row">1-based, the header not counted.</param>
/// <param name="Offset">Where the row starts in the file, in bytes: a later batch resumes there.</param>
/// <param name="Tags">Tags to add (an import adds tags, as HighLevel's does), or null for none.</param>
public sealed record ContactImportRow(int Row, long Offset, ContactWriteRequest Request, List<string>? Tags, List<RowIssue> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The normalized addresses the row is matched on (null when absent or invalid).</summary>
    public string? Email { get; init; }

    public string? Phone { get; init; }
}

/// <param name="Column">The header name of the column at fault, or null for the row as a whole.</param>
public readonly record struct RowIssue(string? Column, string Message);
