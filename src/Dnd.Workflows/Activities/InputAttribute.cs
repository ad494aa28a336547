namespace Dnd.Workflows.Activities;

/// <summary>Describes an activity's <see cref="Input{T}"/> property for the designer and the publish-time validator.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The value when the node leaves the input empty, written as the designer would (e.g. "SMS", "00:05:00", true).</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Without a default, an empty value is refused at publish.</summary>
    public bool Required { get; init; }

    /// <summary>How the designer edits it when the type alone does not say (<see cref="InputUIHints"/>).</summary>
    public string? UIHint { get; init; }
}
