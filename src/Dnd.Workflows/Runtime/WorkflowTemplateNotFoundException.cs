namespace Dnd.Workflows.Runtime;

public sealed class WorkflowTemplateNotFoundException(string templateId) : Exception($"There is no workflow template {templateId}.")
{
    public string TemplateId { get; } = templateId;
}
