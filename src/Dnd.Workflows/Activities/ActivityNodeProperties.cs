using System.Globalization;
using System.Text.Json;
using Dnd.Workflows.Model;

namespace Dnd.Workflows.Activities;

/// <summary>Typed reads of an activity's JSON properties.</summary>
public static class ActivityNodeProperties
{
    public static string? Text(this ActivityNode node, string name) =>
        node.Properties.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;

    public static bool Flag(this ActivityNode node, string name, bool fallback) =>
        node.Properties.TryGetValue(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => bool.TryParse(v.GetString(), out var b) ? b : fallback,
            _ => fallback,
        } : fallback;

    /// <summary>Durations are "hh:mm:ss" (or "d.hh:mm:ss") or a number of seconds.</summary>
    public static bool TryDuration(this ActivityNode node, string name, out TimeSpan duration)
    {
        duration = default;
        var text = node.Text(name);
        if (text is null)
        {
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }
}
