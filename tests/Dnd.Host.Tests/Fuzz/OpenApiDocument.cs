using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// The operations and schemas of the server's own /openapi/v1.json. Read at run time rather than listed by hand,
/// so operations and schemas added later are fuzzed without touching this suite.
/// </summary>
public sealed class OpenApiDocument(JsonElement root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<OpenApiDocument> LoadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new OpenApiDocument(document.RootElement.Clone());
    }

    public IReadOnlyList<ApiOperation> Operations()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var shared = Parameters(path.Value).ToList();
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = shared.Where(s => Parameters(method.Value).All(p => p.Name != s.Name || p.In != s.In))
                    .Concat(Parameters(method.Value)).ToList();
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, Bodies(method.Value).ToList(),
                    HtmlStatuses(method.Value)));
            }
        }
        return operations;
    }

    /// <summary>Follows $ref into components/schemas (repeatedly, for a ref to a ref).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 16 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }
        return schema;
    }

    private static HashSet<int> HtmlStatuses(JsonElement operation) => operation.TryGetProperty("responses", out var responses)
        ? responses.EnumerateObject()
            .Where(r => int.TryParse(r.Name, out _) && r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("text/html", out _))
            .Select(r => int.Parse(r.Name)).ToHashSet()
        : [];

    private IEnumerable<ApiParameter> Parameters(JsonElement owner)
    {
        if (!owner.TryGetProperty("parameters", out var list))
        {
            yield break;
        }
        foreach (var p in list.EnumerateArray().Select(Resolve))
        {
            var schema = p.TryGetProperty("schema", out var s) ? s : default;
            var required = p.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
            yield return new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, required, schema);
        }
    }

    private static IEnumerable<ApiBody> Bodies(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content))
        {
            yield break;
        }
        foreach (var media in content.EnumerateObject())
        {
            yield return new ApiBody(media.Name, media.Value.TryGetProperty("schema", out var schema) ? schema : null);
        }
    }
}
