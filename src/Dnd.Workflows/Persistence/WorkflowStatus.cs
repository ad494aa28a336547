namespace Dnd.Workflows.Persistence;

public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}
