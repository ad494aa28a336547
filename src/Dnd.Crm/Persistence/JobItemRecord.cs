namespace Dnd.Crm.Persistence;

/// <summary>One item of a job that was refused or failed, with why (items that went through are only counted).</summary>
public sealed class JobItemRecord
{
    public long Id { get; set; }
    public required string JobId { get; set; }

    /// <summary>What the item is to whoever reads the list: a contact id, "row 12".</summary>
    public required string Reference { get; set; }

    /// <summary>The part of the item at fault, when there is one (a CSV column, a channel).</summary>
    public string? Column { get; set; }

    public JobItemOutcome Outcome { get; set; }
    public required string Message { get; set; }
}
