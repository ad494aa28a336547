using Dnd.Host.Api.Workflows;
using Dnd.Workflows.Persistence;

namespace Dnd.Host.OperatorApp.Workflows;

/// <summary>A contact's run through a workflow, with the path it took: its executed steps in order.</summary>
/// <param name="FaultActivityId">The activity whose failure faulted the run.</param>
public sealed record InstanceView(string Id, string ContactId, string ContactName, WorkflowStatus Status, int Version, DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt, string? Fault, string? FaultActivityId, IReadOnlyList<ExecutionLogDto> Path)
{
    /// <summary>"Running" and "Suspended" are the engine's words; a person reads a suspended run as waiting.</summary>
    public string StatusLabel => Status == WorkflowStatus.Suspended ? "Waiting" : Status.ToString();
}
