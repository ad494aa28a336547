using System.Globalization;
using System.Text.RegularExpressions;

namespace Dnd.Crm.Consent;

/// <summary>
/// The local hours marketing may reach a recipient in, e.g. 08:00–21:00 (the default: the TCPA's 8 a.m. to 9 p.m.);
/// outside them is quiet hours. <see cref="Always"/> turns quiet hours off.
/// </summary>
public sealed partial record SendingWindow(TimeOnly Opens, TimeOnly Closes)
{
    public static SendingWindow Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0));

    /// <summary>No quiet hours: every minute is inside.</summary>
    public static SendingWindow Always { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public const string AlwaysText = "always";

    public bool IsAlways => Opens == Closes;

    /// <summary>Whether a local time of day is inside; a window may cross midnight (22:00–06:00).</summary>
    public bool Contains(TimeOnly local) => IsAlways || (Opens < Closes ? local >= Opens && local < Closes : local >= Opens || local < Closes);

    /// <summary>"08:00-21:00", or "always".</summary>
    public override string ToString() => IsAlways ? AlwaysText : $"{Opens:HH\\:mm}-{Closes:HH\\:mm}";

    /// <summary>Reads "HH:mm-HH:mm" (24-hour) or "always"; null for anything else.</summary>
    public static SendingWindow? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, AlwaysText, StringComparison.OrdinalIgnoreCase))
        {
            return Always;
        }
        var match = trimmed is null ? null : Pattern().Match(trimmed);
        if (match is not { Success: true }
            || !TimeOnly.TryParseExact(match.Groups[1].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(match.Groups[2].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            || opens == closes)
        {
            return null;
        }
        return new SendingWindow(opens, closes);
    }

    [GeneratedRegex(@"^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
