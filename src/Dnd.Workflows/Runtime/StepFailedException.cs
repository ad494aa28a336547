using Dnd.Workflows.Model;

namespace Dnd.Workflows.Runtime;

/// <summary>An activity threw; carries which one so the instance can be faulted after the step is rolled back.</summary>
internal sealed class StepFailedException(ActivityNode node, string message) : Exception(message)
{
    public ActivityNode Node { get; } = node;
}
