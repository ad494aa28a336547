using Dnd.Workflows.Activities;
using Dnd.Workflows.Persistence;

namespace Dnd.Host.Api.Workflows;

/// <summary>A contact's run through one version of a workflow.</summary>
/// <param name="CurrentActivityId">The activity to run next (Running) or waiting on a bookmark (Suspended).</param>
/// <param name="InputJson">Trigger payload and what activities keep between steps, as JSON.</param>
/// <param name="Variables">The variables the run's steps set.</param>
/// <param name="Fault">Why a Faulted instance stopped.</param>
public sealed record WorkflowInstanceDto(
    string Id,
    string AccountId,
    string ContactId,
    string DefinitionId,
    int DefinitionVersion,
    WorkflowStatus Status,
    string? CurrentActivityId,
    string InputJson,
    IReadOnlyDictionary<string, string> Variables,
    int StepCount,
    string? Fault,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Revision)
{
    public static WorkflowInstanceDto From(WorkflowInstanceRecord i) => new(i.Id, i.AccountId, i.ContactId, i.DefinitionId, i.DefinitionVersion,
        i.Status, i.CurrentActivityId, i.InputJson, new WorkflowVariables(i).All, i.StepCount, i.Fault, i.CreatedAt, i.UpdatedAt, i.Revision);
}
