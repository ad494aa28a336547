namespace Dnd.Crm.Persistence;

/// <summary>
/// An uploaded contact CSV: its file lives in <see cref="ImportChunkRecord"/>s and its row problems in
/// <see cref="ImportIssueRecord"/>s, so any host can validate, page or apply it later without the original request.
/// </summary>
public sealed class ImportRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }

    /// <summary>One of <see cref="ImportStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>Who uploaded it, as the ledger names actors.</summary>
    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The header row's names in file order, as JSON: a batch resumed mid-file has no header to read.</summary>
    public string HeaderJson { get; set; } = "[]";

    /// <summary>The field separator found in the file (",", or ";" as some spreadsheets write), for the same reason.</summary>
    public string Separator { get; set; } = ",";

    public long Bytes { get; set; }
    public int Chunks { get; set; }

    // The dry run's counts.
    public int Rows { get; set; }
    public int ValidRows { get; set; }
    public int ErrorRows { get; set; }
    public int NewContacts { get; set; }
    public int Updates { get; set; }
    public int Duplicates { get; set; }

    /// <summary>
    /// Rows up to this one (1-based, header not counted) are applied: written in the same account write as their
    /// contacts, so a batch re-run after a crash skips them rather than applying them twice.
    /// </summary>
    public int AppliedThroughRow { get; set; }

    /// <summary>Byte offset in the file of row <see cref="AppliedThroughRow"/> + 1, so the next batch starts there without re-reading the file.</summary>
    public long ResumeOffset { get; set; }

    // The apply's counts.
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Refused { get; set; }
    public int Skipped { get; set; }
}
