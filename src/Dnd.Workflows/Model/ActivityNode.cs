using System.Text.Json;

namespace Dnd.Workflows.Model;

/// <summary>One activity placed on the flowchart, with its settings and its place in the designer.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    /// <remarks>JSON null reads as no properties.</remarks>
    public Dictionary<string, JsonElement> Properties
    {
        get => _properties;
        init => _properties = value ?? new();
    }

    public Position? Position { get; init; }

    private readonly Dictionary<string, JsonElement> _properties = new();
}
