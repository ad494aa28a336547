namespace Dnd.Crm.Persistence;

/// <summary>Where a background job is: waiting, being worked on, or over (one of three ways).</summary>
public enum JobStatus
{
    Queued,
    Running,
    Completed,
    Cancelled,
    Failed,
}
