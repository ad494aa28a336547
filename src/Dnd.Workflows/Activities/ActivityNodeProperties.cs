using System.Text.Json;
using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>A node's property as text, the form every <see cref="Input{T}"/> parses from.</summary>
public static class ActivityNodeProperties
{
    public static string? Text(this ActivityNode node, string name) =>
        node.Properties.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;
}
