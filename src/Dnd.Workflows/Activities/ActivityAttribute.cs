namespace Dnd.Workflows.Activities;

/// <summary>
/// Declares a class as a workflow activity (as Elsa's [Activity] does): what the designer's palette shows. The type
/// name is the class name; the inputs are its <see cref="Input{T}"/> properties and the outcomes its
/// <see cref="FlowNodeAttribute"/>. <see cref="ActivityDescriber"/> turns all of it into the descriptor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string displayName, string description) : Attribute
{
    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    public string Description { get; } = description;

    /// <summary>A trigger starts workflows and must be a workflow's first activity.</summary>
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
}
