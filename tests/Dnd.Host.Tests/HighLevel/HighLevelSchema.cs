using System.Collections.Concurrent;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Json.Schema;

namespace Dnd.Host.Tests.HighLevel;

/// <summary>
/// HighLevel's contacts API v2 shapes (contacts-v2.schema.json, written from HighLevel's own reference, not from
/// this server's OpenAPI document), so a test can hold a real response or request against them.
/// </summary>
public static class HighLevelSchema
{
    public const string Id = "https://dnd.test/highlevel/contacts-v2.schema.json";

    private static readonly BuildOptions Options = new() { SchemaRegistry = new SchemaRegistry() };
    private static readonly Lazy<JsonSchema> Root = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Dnd.Host.Tests", "HighLevel", "contacts-v2.schema.json")), Options));
    private static readonly ConcurrentDictionary<string, JsonSchema> Defs = new();
    private static readonly Lock Building = new();

    /// <summary>What is wrong with the instance as the named $defs shape, one line per failed keyword; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string def, JsonElement instance)
    {
        var results = Def(def).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
        var errors = new List<string>();
        Collect(results, errors);
        return errors;
    }

    /// <summary>Only the failures under failed nodes: a passing anyOf keeps its failed alternatives, which are not errors.</summary>
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }
        errors.AddRange(node.Errors?.Select(e => $"{node.InstanceLocation} ({node.EvaluationPath}): {e.Key}: {e.Value}") ?? []);
        foreach (var child in node.Details ?? [])
        {
            Collect(child, errors);
        }
    }

    /// <summary>Asserts the instance is the named shape, listing every violation when it is not.</summary>
    public static void ShouldMatch(this JsonElement instance, string def, string what)
    {
        var errors = Errors(def, instance);
        errors.Should().BeEmpty($"{what} must be HighLevel's {def}; it was {instance.GetRawText()}");
    }

    private static JsonSchema Def(string def) => Defs.GetOrAdd(def, name =>
    {
        lock (Building)
        {
            _ = Root.Value;
            return JsonSchema.FromText($$"""{ "$ref": "{{Id}}#/$defs/{{name}}" }""", Options, new Uri($"https://dnd.test/highlevel/ref/{name}"));
        }
    });
}
