using Dnd.Workflows.Model;

namespace Dnd.Host.Api.Workflows;

/// <summary>A shipped workflow an account can install as its own (POST /workflows/templates/{id}/install).</summary>
public sealed record WorkflowTemplateDto(string Id, string Name, WorkflowDefinition Definition);
