namespace Dnd.Workflows.Runtime;

/// <summary>What <see cref="WorkflowRuntime.ResumeIncidentAsync"/> did.</summary>
public enum IncidentResume
{
    /// <summary>The failed activity ran again (the instance may have gone on, waited, retried or faulted again).</summary>
    Resumed,

    /// <summary>No such instance in the account.</summary>
    NotFound,

    /// <summary>The instance is not an incident (Running, Suspended, Finished, Cancelled), or another resume took it first.</summary>
    NotFaulted,
}
