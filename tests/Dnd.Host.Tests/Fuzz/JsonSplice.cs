using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Puts raw JSON text at one place of a valid document. The value goes in as text after serializing, so it can be
/// anything a parser may meet (1e400, a lone surrogate escape, 200 levels of nesting), not only what JsonNode holds.
/// </summary>
public static class JsonSplice
{
    private const string Marker = "__dnd_fuzz_splice__";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1024 };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 1024 };

    /// <summary>How many places <see cref="ReplaceAt"/> can choose from (every member and array item).</summary>
    public static int Places(string json) => Parse(json) is { } root ? Descendants(root).Count : 0;

    /// <summary>The document with its place number index (modulo the count) replaced by raw, or removed when raw is null.</summary>
    public static string ReplaceAt(string json, int index, string? raw)
    {
        if (Parse(json) is not { } root || Descendants(root) is not { Count: > 0 } places)
        {
            return json;
        }
        var node = places[index % places.Count];
        switch (node.Parent)
        {
            case JsonObject parent:
                var name = node.GetPropertyName();
                if (raw is null)
                {
                    parent.Remove(name);
                }
                else
                {
                    parent[name] = Marker;
                }
                break;
            case JsonArray array:
                var at = node.GetElementIndex();
                if (raw is null)
                {
                    array.RemoveAt(at);
                }
                else
                {
                    array[at] = Marker;
                }
                break;
        }
        return Splice(root, raw);
    }

    /// <summary>
    /// root[property] = raw; or, given a valid child document, root[property] = child (or [child]) with
    /// child[childProperty] = raw. For reaching one level into objects and arrays of objects.
    /// </summary>
    public static string Set(string json, string property, string raw, string? child = null, string? childProperty = null, bool childInArray = false)
    {
        if (Parse(json) is not JsonObject root)
        {
            return json;
        }
        if (child is null || childProperty is null || Parse(child) is not JsonObject inner)
        {
            root[property] = Marker;
        }
        else
        {
            inner[childProperty] = Marker;
            root[property] = childInArray ? new JsonArray(inner) : inner;
        }
        return Splice(root, raw);
    }

    private static string Splice(JsonNode root, string? raw) =>
        root.ToJsonString(Relaxed).Replace(JsonText.Str(Marker), raw ?? JsonText.Null, StringComparison.Ordinal);

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<JsonNode> Descendants(JsonNode root)
    {
        var found = new List<JsonNode>();
        var stack = new Stack<JsonNode>([root]);
        while (stack.TryPop(out var node))
        {
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>().Reverse())
            {
                found.Add(child);
                stack.Push(child);
            }
        }
        return found;
    }
}
