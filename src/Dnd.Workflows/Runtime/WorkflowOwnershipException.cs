namespace Dnd.Workflows.Runtime;

public sealed class WorkflowOwnershipException(string definitionId)
    : Exception($"Workflow id '{definitionId}' belongs to another account or is a shared definition; choose another id.")
{
    public string DefinitionId { get; } = definitionId;
}
