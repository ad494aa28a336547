namespace Dnd.Workflows.Runtime;

/// <summary>An enrolment into a workflow the account unpublished: it takes no new contacts until published again.</summary>
public sealed class WorkflowUnpublishedException(string definitionId)
    : Exception($"Workflow {definitionId} is unpublished: it takes no new contacts until it is published again.")
{
    public string DefinitionId { get; } = definitionId;
}
