using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// One smart list condition, e.g. { "field": "dnd.SMS", "operator": "eq", "value": "open" }. Fields and their operators:
/// dnd.&lt;Channel&gt; (eq, neq: inactive, active, permanent, blocked, open), dndAggregate (eq, neq: off, partial, on),
/// tags (contains, notContains), dateAdded and dateUpdated (before, after: an ISO 8601 date or time; between: [from, to]),
/// customFields.&lt;id&gt; and firstName, lastName, email, phone, companyName, source (eq, neq, contains, notContains,
/// empty, notEmpty), query (contains: names, email or phone).
/// </summary>
public sealed record SmartListCondition
{
    public string? Field { get; init; }
    public string? Operator { get; init; }

    /// <summary>A string, or [from, to] for between; left out for empty and notEmpty.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    /// <summary>Properties the condition does not know: refused by name, never ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
