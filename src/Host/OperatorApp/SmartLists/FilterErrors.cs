using System.Text.RegularExpressions;
using Dnd.Host.Errors;

namespace Dnd.Host.OperatorApp.SmartLists;

/// <summary>
/// The API's validation messages for a smart list, placed where the builder shows them: each message names its path
/// (filters.groups[0].conditions[1].value), which says the group, the condition and the part.
/// </summary>
public sealed partial class FilterErrors
{
    private readonly List<(int? Group, int? Condition, string Part, string Message)> _errors = [];

    public static FilterErrors None { get; } = new();

    public bool Any => _errors.Count > 0;

    /// <summary>Messages for one condition: its part ("field", "operator", "value", "value[0]", "" for the whole) and the message.</summary>
    public IEnumerable<(string Part, string Message)> ForCondition(int? group, int condition) =>
        _errors.Where(e => e.Group == group && e.Condition == condition).Select(e => (e.Part, e.Message));

    /// <summary>Messages for a group itself (its match, its conditions as a whole); the top group with null.</summary>
    public IEnumerable<string> ForGroup(int? group) => _errors.Where(e => e.Group == group && e.Condition is null && e.Part != "name").Select(e => e.Message);

    public IEnumerable<string> ForName() => _errors.Where(e => e.Part == "name").Select(e => e.Message);

    /// <summary>Pairs each message with the field it begins with (FieldErrors' convention), then reads the field's path.</summary>
    public static FilterErrors From(ApiValidationException e)
    {
        var result = new FilterErrors();
        var fields = (e.Fields ?? []).OrderByDescending(f => f.Length).ToList();
        foreach (var message in e.Errors ?? [e.Message])
        {
            var field = fields.FirstOrDefault(f => message.StartsWith(f, StringComparison.Ordinal)) ?? "";
            var path = Path().Match(field);
            if (!path.Success)
            {
                result._errors.Add((null, null, field, message));
                continue;
            }
            int? group = path.Groups["g"].Success ? int.Parse(path.Groups["g"].Value) : null;
            int? condition = path.Groups["c"].Success ? int.Parse(path.Groups["c"].Value) : null;
            var part = path.Groups["p"].Value;
            // Inside a condition the row says where it is: "value is required" reads better than the whole path.
            var shown = condition is null ? message : part.Length > 0 ? part + message[field.Length..] : message[field.Length..].TrimStart();
            result._errors.Add((group, condition, part, shown));
        }
        return result;
    }

    [GeneratedRegex(@"^filters(?:\.groups\[(?<g>\d+)\])?(?:\.conditions\[(?<c>\d+)\])?(?:\.(?<p>.+))?$")]
    private static partial Regex Path();
}
