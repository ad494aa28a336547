namespace Dnd.Host.Api.Workflows;

/// <summary>One of a contact's workflow instances with its step log.</summary>
public sealed record ContactWorkflowEntry(WorkflowInstanceDto Instance, IReadOnlyList<ExecutionLogDto> Log);
