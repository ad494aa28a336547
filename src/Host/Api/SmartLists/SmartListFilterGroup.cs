using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// A group of smart list conditions: a contact is in it when all of them hold ("all", AND) or any of them ("any", OR).
/// The top group may hold groups of its own (one level), each counting as one of its conditions, e.g. "DND off
/// everywhere AND tag customer AND (tag vip OR tag newsletter)".
/// </summary>
public sealed record SmartListFilterGroup
{
    /// <summary>"all" (every condition and group holds: AND) or "any" (at least one: OR); "all" when left out.</summary>
    public string? Match { get; init; }

    public List<SmartListCondition?>? Conditions { get; init; }

    /// <summary>Groups inside the top group (one level: a group inside these is refused).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<SmartListFilterGroup?>? Groups { get; init; }

    /// <summary>Properties the filter does not know: refused by name, never ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
