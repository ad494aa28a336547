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

    /// <summary>Like <see cref="Text"/>, but false for a string JSON cannot turn into text (a lone surrogate escape).</summary>
    public static bool TryText(this ActivityNode node, string name, out string? text)
    {
        try
        {
            text = node.Text(name);
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
