namespace Dnd.Workflows.Runtime;

/// <summary>Installing a template under an id the account already uses: its workflow is never overwritten by an install.</summary>
public sealed class WorkflowExistsException(string definitionId)
    : Exception($"This account already has a workflow {definitionId}; edit it, or delete it before installing again.")
{
    public string DefinitionId { get; } = definitionId;
}
