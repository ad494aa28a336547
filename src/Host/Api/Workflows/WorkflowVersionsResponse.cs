namespace Dnd.Host.Api.Workflows;

/// <summary>Every published version of a definition, oldest first.</summary>
public sealed record WorkflowVersionsResponse(IReadOnlyList<WorkflowVersionDto> Versions);
