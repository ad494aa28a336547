namespace Dnd.Workflows.Model;

/// <summary>A definition that cannot run; Errors lists every problem found, not just the first.</summary>
public sealed class WorkflowValidationException(IReadOnlyList<string> errors)
    : Exception("Invalid workflow definition: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
