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

    /// <summary>
    /// The longest wait a definition may ask for. Anything longer is a typo or an attack ("1e300" seconds overflows
    /// TimeSpan, and ten thousand years overflows the timer's due date), so it is refused at publish.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    /// <summary>Durations are "hh:mm:ss" (or "d.hh:mm:ss") or a number of seconds, from zero to <see cref="MaxDuration"/>.</summary>
    public static bool TryDuration(this ActivityNode node, string name, out TimeSpan duration)
    {
        duration = default;
        var text = node.Text(name);
        if (text is null)
        {
            return false;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            // Checked before converting: TimeSpan.FromSeconds throws on NaN, infinity and anything past ~29,000 years.
            if (!(seconds >= 0 && seconds <= MaxDuration.TotalSeconds))
            {
                return false;
            }
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero && duration <= MaxDuration;
    }
}
