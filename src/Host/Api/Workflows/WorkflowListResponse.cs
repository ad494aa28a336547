namespace Dnd.Host.Api.Workflows;

public sealed record WorkflowListResponse(IReadOnlyList<WorkflowSummaryDto> Workflows);
