using System.Globalization;
using Dnd.Rules.Consent;

namespace Dnd.Workflows.Activities;

/// <summary>
/// The value types an activity input may have: how the designer edits each (kind and options) and how a node's text
/// becomes a value. The designer and the validator learn everything from here, so the channel list, for one, is
/// only ever <see cref="ChannelNames.All"/>.
/// </summary>
public static class InputTypes
{
    /// <summary>The word a Channel? input takes for "every channel" (null).</summary>
    public const string AllChannels = "all";

    /// <summary>
    /// The longest wait a definition may ask for. Anything longer is a typo or an attack ("1e300" seconds overflows
    /// TimeSpan, and ten thousand years overflows the timer's due date), so it is refused at publish.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    /// <returns>The designer's editor kind (text, template, channel, channelOrAll, boolean, duration, choice) and its options.</returns>
    /// <exception cref="NotSupportedException">An activity declared an input of a type no editor exists for.</exception>
    public static (string Kind, IReadOnlyList<string>? Options) Editor(Type type, string? uiHint)
    {
        var channels = ChannelNames.All.Select(c => c.ToWire()).ToList();
        return type switch
        {
            _ when type == typeof(Channel) => ("channel", channels),
            _ when type == typeof(Channel?) => ("channelOrAll", [AllChannels, .. channels]),
            _ when type == typeof(bool) => ("boolean", null),
            _ when type == typeof(TimeSpan) || type == typeof(TimeSpan?) => ("duration", null),
            _ when type.IsEnum => ("choice", Enum.GetNames(type).Select(Lower).ToList()),
            _ when type == typeof(string) => (uiHint == InputUIHints.Template ? "template" : "text", null),
            _ => throw new NotSupportedException($"no editor for activity inputs of type {type.Name}"),
        };
    }

    /// <summary>Parses a node's text as <paramref name="type"/>; null with the reason when it is not one.</summary>
    public static object? Parse(Type type, string text, out string? problem)
    {
        problem = null;
        var value = text.Trim();
        switch (type)
        {
            case var _ when type == typeof(Channel):
                if (ChannelNames.TryParse(value, out var channel))
                {
                    return channel;
                }
                problem = $"'{value}' is not a channel";
                return null;
            case var _ when type == typeof(Channel?):
                if (value.Equals(AllChannels, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
                if (ChannelNames.TryParse(value, out var one))
                {
                    return one;
                }
                problem = $"'{value}' is not a channel or \"all\"";
                return null;
            case var _ when type == typeof(bool):
                if (bool.TryParse(value, out var flag))
                {
                    return flag;
                }
                problem = $"'{value}' is not true or false";
                return null;
            case var _ when type == typeof(TimeSpan) || type == typeof(TimeSpan?):
                if (TryDuration(value, out var duration))
                {
                    return duration;
                }
                problem = $"'{value}' is not a duration (hh:mm:ss or seconds, at most {MaxDuration.TotalDays:F0} days)";
                return null;
            case { IsEnum: true }:
                var name = Enum.GetNames(type).FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
                if (name is not null)
                {
                    return Enum.Parse(type, name);
                }
                problem = $"'{value}' is not one of {string.Join(", ", Enum.GetNames(type).Select(Lower))}";
                return null;
            default:
                return text;
        }
    }

    /// <summary>What is wrong with a node's value for an input, or null; templates must also parse (in <paramref name="templates"/>' language).</summary>
    public static string? Problem(Type type, string? uiHint, string text, ITemplateSyntax? templates)
    {
        Parse(type, text, out var problem);
        if (problem is null && uiHint == InputUIHints.Template && templates?.Problems(text) is { Count: > 0 } errors)
        {
            problem = $"template does not parse: {string.Join("; ", errors)}";
        }
        return problem;
    }

    /// <summary>Durations are "hh:mm:ss" (or "d.hh:mm:ss") or a number of seconds, from zero to <see cref="MaxDuration"/>.</summary>
    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
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

    private static string Lower(string name) => name.ToLowerInvariant();
}
