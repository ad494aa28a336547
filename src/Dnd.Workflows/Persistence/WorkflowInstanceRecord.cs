namespace Dnd.Workflows.Persistence;

/// <summary>A contact's run through one version of a workflow.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string ContactId { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }

    /// <summary>The activity to run next (Running) or waiting on a bookmark (Suspended).</summary>
    public string? CurrentActivityId { get; set; }

    /// <summary>Trigger payload and anything activities keep between steps, as JSON.</summary>
    public string InputJson { get; set; } = "{}";

    /// <summary>The variables steps set (Set variable) and read (If/Else, templates), as a JSON object of strings.</summary>
    public string VariablesJson { get; set; } = "{}";

    public int StepCount { get; set; }

    /// <summary>Why a Faulted instance stopped (the failing activity's error); the incident's message.</summary>
    public string? Fault { get; set; }

    /// <summary>Tries of the current activity that failed: while a retry waits, and on an incident. 0 once it succeeds.</summary>
    public int Attempts { get; set; }

    /// <summary>The incident's activity: the one whose failure faulted the instance (and that a resume runs again).</summary>
    public string? FaultActivityId { get; set; }

    /// <summary>
    /// What the failed step was resumed with (a reply, a timeout), as JSON, while its retry waits or it is an incident:
    /// the next try resumes the activity with it again rather than starting the activity over, so the reply is not lost.
    /// Null for a step that failed in its start, and once a step succeeds.
    /// </summary>
    public string? ResumeJson { get; set; }

    /// <summary>When the instance became an incident.</summary>
    public DateTimeOffset? FaultedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The W3C traceparent of the span that wrote it, when telemetry is on: the worker's span continues that trace (<see cref="Dnd.Shared.Telemetry.TraceParents"/>).</summary>
    public string? TraceParent { get; set; }

    /// <summary>Bumped by every step; a runner whose step raced another's fails its save instead of running twice.</summary>
    public long Revision { get; set; }
}
