using System.Text.Json;
using System.Text.RegularExpressions;
using Dnd.Workflows.Persistence;

namespace Dnd.Workflows.Activities;

/// <summary>An instance's variables: names to strings, kept in its row so they survive waits and restarts.</summary>
public sealed partial class WorkflowVariables(WorkflowInstanceRecord instance)
{
    /// <summary>At most this many per instance, each value at most <see cref="MaxValueLength"/> characters: a loop cannot grow a row without bound.</summary>
    public const int MaxCount = 50;
    public const int MaxValueLength = 1000;

    public IReadOnlyDictionary<string, string> All =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(string.IsNullOrWhiteSpace(instance.VariablesJson) ? "{}" : instance.VariablesJson) ?? [];

    public string? Get(string name) => All.TryGetValue(name, out var value) ? value : null;

    /// <returns>Why the value was not kept, or null when it was.</returns>
    public string? Set(string name, string value)
    {
        var all = new Dictionary<string, string>(All);
        if (!all.ContainsKey(name) && all.Count >= MaxCount)
        {
            return $"an instance holds at most {MaxCount} variables";
        }
        all[name] = value.Length <= MaxValueLength ? value : value[..MaxValueLength];
        instance.VariablesJson = JsonSerializer.Serialize(all);
        return null;
    }

    public static bool IsName(string? name) => name is not null && NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}
