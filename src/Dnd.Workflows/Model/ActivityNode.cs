using System.Text.Json;

namespace Dnd.Workflows.Model;

/// <summary>One activity placed on the flowchart, with its settings and its place in the designer.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public Dictionary<string, JsonElement> Properties { get; init; } = new();
    public Position? Position { get; init; }
}
