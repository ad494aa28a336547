namespace Dnd.Crm.Persistence;

/// <summary>
/// One item a job works through, frozen when it starts (a smart list's members then, not as they change while it
/// runs): steps walk them in Position order, and the job's cursor is the last position done.
/// </summary>
public sealed class JobTargetRecord
{
    public required string JobId { get; set; }
    public int Position { get; set; }
    public required string Reference { get; set; }
}
