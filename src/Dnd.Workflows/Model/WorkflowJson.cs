using System.Text.Json;

namespace Dnd.Workflows.Model;

public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="WorkflowValidationException">The text is not a workflow definition.</exception>
    public static WorkflowDefinition Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                ?? throw new WorkflowValidationException(["the definition is empty"]);
        }
        catch (JsonException e)
        {
            throw new WorkflowValidationException([$"not a workflow definition: {e.Message}"]);
        }
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
