namespace Dnd.Workflows.Runtime;

/// <summary>The account has no workflow (or no such version of it) by this id; another account's is as unknown.</summary>
public sealed class WorkflowNotFoundException(string definitionId, int? version = null)
    : Exception(version is null ? $"Workflow {definitionId} does not exist." : $"Workflow {definitionId} has no version {version}.")
{
    public string DefinitionId { get; } = definitionId;
}
