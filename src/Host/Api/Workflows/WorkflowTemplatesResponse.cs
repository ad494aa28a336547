namespace Dnd.Host.Api.Workflows;

public sealed record WorkflowTemplatesResponse(IReadOnlyList<WorkflowTemplateDto> Templates);
