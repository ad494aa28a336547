using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Pointer;
using Json.Schema;

namespace Dnd.Host.Tests.Contract;

/// <summary>
/// Checks observed responses against an OpenAPI 3.1 document: the operation (by method and path template), the
/// declared response (exact status, else "4XX"-style range, else "default"), the media type, and for JSON the body
/// against the response schema. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the whole document is registered as
/// a base document and each response schema is evaluated by a $ref into it: "#/components/schemas/..." references,
/// type arrays for nullable ("null", "string") and the generator's ("integer", "string") numbers all resolve as the
/// specification says, with no rewriting.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonDocument _document;
    private readonly Uri _documentUri = new($"https://contract.dnd.test/{Guid.NewGuid():N}/openapi.json");
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    /// <summary>
    /// One contract serves the servers of tests running side by side, and the library resolves a $ref into the base
    /// document through caches that are not safe across threads (a RefResolutionException now and then): one at a time.
    /// </summary>
    private readonly Lock _evaluating = new();

    public OpenApiContract(string json)
    {
        _document = JsonDocument.Parse(json);
        // A registry of its own: nothing leaks into the global one, and two documents never see each other.
        var registry = new SchemaRegistry();
        registry.Register(_documentUri, new JsonElementBaseDocument(_document.RootElement, _documentUri));
        _build = new BuildOptions { SchemaRegistry = registry };
        Operations = ReadOperations(Root);
    }

    public JsonElement Root => _document.RootElement;

    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The operation that serves this request, preferring literal segments over parameters (/contacts/search over /contacts/{id}).</summary>
    public ContractOperation? Find(string method, string path)
    {
        var normalized = path.Length > 1 ? path.TrimEnd('/') : path;
        return Operations
            .Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.Pattern.IsMatch(normalized))
            .OrderByDescending(o => o.LiteralSegments)
            .FirstOrDefault();
    }

    /// <returns>Null when the response is declared, or when no operation serves the request (static files, the document itself).</returns>
    public ContractViolation? Check(ObservedResponse observed)
    {
        var operation = Find(observed.Method, observed.Path);
        if (operation is null)
        {
            return null;
        }
        var problem = Problem(operation, observed);
        return problem is null ? null : new ContractViolation(operation.ToString(), observed, problem);
    }

    private string? Problem(ContractOperation operation, ObservedResponse observed)
    {
        if (!operation.Element.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return "the operation declares no responses";
        }
        var status = observed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = new[] { status, $"{status[0]}XX", "default" }
            .FirstOrDefault(k => responses.EnumerateObject().Any(p => p.Name.Equals(k, StringComparison.OrdinalIgnoreCase)));
        if (key is null)
        {
            return $"status {status} is not declared (declared: {string.Join(", ", responses.EnumerateObject().Select(p => p.Name))})";
        }
        var responseName = responses.EnumerateObject().First(p => p.Name.Equals(key, StringComparison.OrdinalIgnoreCase)).Name;
        var responsePointer = $"{operation.Pointer}/responses/{Escape(responseName)}";
        var response = Resolve(responses.GetProperty(responseName), ref responsePointer);

        var hasBody = observed.Body.Length > 0;
        if (!response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any())
        {
            return hasBody ? $"a {observed.ContentType ?? "untyped"} body was returned but response {responseName} declares no content" : null;
        }
        var declared = content.EnumerateObject().Select(p => p.Name).ToList();
        if (!hasBody)
        {
            return observed.Status is 204 or 304 || observed.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"the body is empty but response {responseName} declares {string.Join(", ", declared)}";
        }
        var mediaType = MediaType(observed.ContentType);
        if (mediaType is null)
        {
            return $"a body without Content-Type was returned; response {responseName} declares {string.Join(", ", declared)}";
        }
        var match = MatchMediaType(mediaType, declared);
        if (match is null)
        {
            return $"content type {mediaType} is not declared for {responseName} (declared: {string.Join(", ", declared)})";
        }
        if (!IsJson(mediaType) || !content.GetProperty(match).TryGetProperty("schema", out _))
        {
            // TwiML and HTML are declared as strings: the media type is the contract.
            return null;
        }
        if (observed.Truncated)
        {
            return null;
        }
        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(observed.Body);
        }
        catch (JsonException e)
        {
            return $"the {mediaType} body is not JSON: {e.Message}";
        }
        using (body)
        {
            var schemaPointer = $"{responsePointer}/content/{Escape(match)}/schema";
            EvaluationResults result;
            lock (_evaluating)
            {
                result = Schema(schemaPointer).Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            return result.IsValid ? null : $"the body does not match {SchemaName(content.GetProperty(match).GetProperty("schema"))}: {Errors(result)}";
        }
    }

    /// <summary>A response given as a $ref into components/responses.</summary>
    private JsonElement Resolve(JsonElement element, ref string pointer)
    {
        for (var depth = 0; depth < 8 && element.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/"); depth++)
        {
            pointer = target[1..];
            element = JsonPointer.Parse(pointer).Evaluate(Root) ?? throw new InvalidOperationException($"Unresolvable reference {target}.");
        }
        return element;
    }

    private JsonSchema Schema(string pointer) => _schemas.GetOrAdd(pointer, p =>
    {
        // A pointer in a URI fragment is percent-encoded (RFC 6901 §6): "{contactId}" and "problem+json" would not survive as they are.
        var fragment = string.Join('/', p.Split('/').Select(Uri.EscapeDataString));
        using var reference = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{_documentUri}#{fragment}" }));
        return JsonSchema.Build(reference.RootElement.Clone(), _build, new Uri($"https://contract.dnd.test/{Guid.NewGuid():N}/check.json"));
    });

    private static string SchemaName(JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? reference.GetString()!.Split('/')[^1] : "the response schema";

    private static string Errors(EvaluationResults result)
    {
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is "" ? "/" : d.InstanceLocation.ToString())} {e.Value}"))
            .Distinct()
            .ToList();
        if (errors.Count == 0 && result.Errors is { Count: > 0 } top)
        {
            errors = top.Select(e => $"/ {e.Value}").ToList();
        }
        return errors.Count == 0 ? "(no detail)" : string.Join("; ", errors.Take(6)) + (errors.Count > 6 ? $"; and {errors.Count - 6} more" : "");
    }

    private static string? MediaType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } type ? type.ToLowerInvariant() : null;

    private static string? MatchMediaType(string mediaType, IReadOnlyList<string> declared)
    {
        string Bare(string key) => (MediaType(key) ?? key).ToLowerInvariant();
        return declared.FirstOrDefault(d => Bare(d) == mediaType)
               ?? declared.FirstOrDefault(d => Bare(d) == mediaType.Split('/')[0] + "/*")
               ?? declared.FirstOrDefault(d => Bare(d) == "*/*");
    }

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    private static List<ContractOperation> ReadOperations(JsonElement root)
    {
        var operations = new List<ContractOperation>();
        if (!root.TryGetProperty("paths", out var paths))
        {
            return operations;
        }
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(p => Methods.Contains(p.Name)))
            {
                operations.Add(new ContractOperation(item.Name.ToUpperInvariant(), path.Name, item.Value,
                    $"/paths/{Escape(path.Name)}/{item.Name}", PathPattern(path.Name), path.Name.Split('/').Count(s => s.Length > 0 && !s.Contains('{'))));
            }
        }
        return operations;
    }

    /// <summary>"/contacts/{contactId}/tags" as a regex: each {parameter} is one non-empty segment; case-insensitive like routing.</summary>
    private static Regex PathPattern(string template)
    {
        var trimmed = template.Length > 1 ? template.TrimEnd('/') : template;
        var pattern = Regex.Replace(Regex.Escape(trimmed), @"\\\{[^/]*?}", "[^/]+");
        return new Regex("^" + pattern + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}

/// <param name="Pointer">JSON Pointer to the operation object in the document.</param>
public sealed record ContractOperation(string Method, string Template, JsonElement Element, string Pointer, Regex Pattern, int LiteralSegments)
{
    public override string ToString() => $"{Method} {Template}";
}
