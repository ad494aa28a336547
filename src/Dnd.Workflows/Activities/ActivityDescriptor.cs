namespace Dnd.Workflows.Activities;

/// <summary>What the designer palette shows and what the validator checks for one activity type.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Category,
    string Description,
    bool IsTrigger,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<PropertyDescriptor> Properties);
