using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>Reads the parts of an OpenAPI 3.1 schema the generators use: types (a list in 3.1), branches, members.</summary>
public static class SchemaShape
{
    /// <summary>The schema's own types; empty means any JSON (e.g. JsonElement's {}).</summary>
    public static IReadOnlyList<string> Types(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return [];
        }
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
    }

    /// <summary>oneOf / anyOf alternatives, or none.</summary>
    public static IReadOnlyList<JsonElement> Branches(JsonElement schema)
    {
        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                return list.EnumerateArray().ToList();
            }
        }
        return [];
    }

    public static IReadOnlyList<(string Name, JsonElement Schema)> Properties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
            ? props.EnumerateObject().Select(p => (p.Name, p.Value)).ToList()
            : [];

    public static IReadOnlySet<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet()
            : new HashSet<string>();

    public static JsonElement? Member(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static IReadOnlyList<string> Enum(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetRawText()).ToList()
            : [];

    /// <summary>The component name a $ref points at, for "Schema.property" hints.</summary>
    public static string? RefName(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1] : null;
}
