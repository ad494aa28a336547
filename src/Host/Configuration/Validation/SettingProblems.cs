using System.Globalization;

namespace Dnd.Host.Configuration.Validation;

/// <summary>
/// The bad settings of one configuration section, each said as one line naming its full key and the value found,
/// e.g. "Dnd:Jobs:BatchSize must be at least 1 (was 0)".
/// </summary>
public sealed class SettingProblems(string section)
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public SettingProblems Must(string key, bool ok, string rule, object? was)
    {
        if (!ok)
        {
            _lines.Add($"{section}:{key} {rule} (was {Said(was)})");
        }
        return this;
    }

    public SettingProblems AtLeast(string key, int value, int least) => Must(key, value >= least, $"must be at least {least}", value);

    public SettingProblems Positive(string key, TimeSpan value) => Must(key, value > TimeSpan.Zero, "must be a positive time span such as 00:00:30", value);

    public SettingProblems NotNegative(string key, TimeSpan value) => Must(key, value >= TimeSpan.Zero, "must be zero or a positive time span such as 00:01:00", value);

    public SettingProblems AbsoluteUrl(string key, string? value, bool optional = false) =>
        Must(key, optional && string.IsNullOrWhiteSpace(value) || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
            "must be an absolute http(s) URL", value);

    public SettingProblems Required(string key, string? value) => Must(key, !string.IsNullOrWhiteSpace(value), "must be set", value);

    private static string Said(object? value) => value switch
    {
        null => "not set",
        string { Length: 0 } => "empty",
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
