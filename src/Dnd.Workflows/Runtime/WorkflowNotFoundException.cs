namespace Dnd.Workflows.Runtime;

public sealed class WorkflowNotFoundException(string definitionId) : Exception($"Workflow {definitionId} does not exist.")
{
    public string DefinitionId { get; } = definitionId;
}
