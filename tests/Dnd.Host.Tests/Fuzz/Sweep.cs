using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// One planned single-fault case: a valid request whose body has exactly one field (a top-level member, or a member
/// of its first nested object or array item) set to a hostile value, or one activity property of a workflow.
/// </summary>
/// <param name="Child">The nested object's schema when the fault is one level down.</param>
public sealed record SweepCase(ApiOperation Operation, string Property, JsonElement? Child, string? ChildProperty, bool ChildInArray, string Value)
{
    /// <summary>For workflow bodies: an activity type of the palette and one of its properties.</summary>
    public (string Type, string Property)? Activity { get; init; }

    /// <summary>When set, the body stays valid and this content type is the fault.</summary>
    public string? ContentType { get; init; }

    public string Describe() => ContentType is not null ? $"sweep content type {ContentType}"
        : Activity is { } a ? $"sweep {a.Type}.{a.Property}={Value}"
        : $"sweep {Property}{(ChildProperty is null ? "" : (ChildInArray ? "[0]." : ".") + ChildProperty)}={FuzzRequest.Shorten(Value, 40)}";
}

/// <summary>
/// Every documented body field, each set in turn to the values that break deserializers and validators: null, {},
/// [null], a wrong scalar, an extreme; and every body sent under each wrong content type. Random cases may miss a given field for many seeds; the sweep never does,
/// so the classic crashes (tags: {}, filters: null, activities: null, Delay "1e300") are found by every run.
/// </summary>
public static class Sweep
{
    public static List<SweepCase> Plan(OpenApiDocument document, IReadOnlyList<ApiOperation> operations, IReadOnlyList<JsonElement> palette)
    {
        var cases = new List<SweepCase>();
        foreach (var op in operations)
        {
            var body = op.Bodies.FirstOrDefault(b => b.Schema is not null);
            if (body?.Schema is not { } schema || Families.Of(op.Route) is Family.Twilio or Family.Mailgun or Family.Unsubscribe)
            {
                continue;
            }
            cases.AddRange(BodyGen.WrongContentTypes.Select(type => new SweepCase(op, "", null, null, false, "") { ContentType = type }));
            var root = document.Resolve(schema);
            foreach (var (name, propertySchema) in SchemaShape.Properties(root))
            {
                var resolved = Concrete(document, propertySchema);
                cases.AddRange(Values(resolved).Select(v => new SweepCase(op, name, null, null, false, v)));
                var (child, inArray) = SchemaShape.Types(resolved).Contains("array") && SchemaShape.Member(resolved, "items") is { } items
                    ? (Concrete(document, items), true)
                    : (resolved, false);
                if (child.ValueKind == JsonValueKind.Object && SchemaShape.Types(child).Contains("object"))
                {
                    foreach (var (childName, childSchema) in SchemaShape.Properties(child))
                    {
                        cases.AddRange(Values(Concrete(document, childSchema)).Select(v => new SweepCase(op, name, child, childName, inArray, v)));
                    }
                }
            }
            if (SchemaShape.RefName(schema) == "WorkflowDefinition")
            {
                cases.AddRange(ActivityCases(op, palette));
            }
        }
        // Round-robin over operations, so a budget too small for the whole sweep still reaches every operation.
        return cases.GroupBy(c => c.Operation)
            .SelectMany(g => g.Select((c, i) => (c, i)))
            .OrderBy(x => x.i)
            .Select(x => x.c)
            .ToList();
    }

    private static IEnumerable<SweepCase> ActivityCases(ApiOperation op, IReadOnlyList<JsonElement> palette) =>
        from activity in palette
        from property in activity.GetProperty("properties").EnumerateArray()
        from value in property.GetProperty("kind").GetString() == "duration"
            ? ["\"1e300\"", "\"NaN\"", "\"-1\"", "\"99999999.00:00:00\"", "1e300", "\"10675199.02:48:05.4775807\""]
            : new[] { JsonText.Null, "{}", "[null]", "1e300", "\"\\u0000\"" }
        select new SweepCase(op, "activities", null, null, false, value)
        {
            Activity = (activity.GetProperty("type").GetString()!, property.GetProperty("name").GetString()!),
        };

    /// <summary>The schema behind a $ref or a oneOf with null (how nullable references are written).</summary>
    private static JsonElement Concrete(OpenApiDocument document, JsonElement schema)
    {
        var resolved = document.Resolve(schema);
        var branch = SchemaShape.Branches(resolved).FirstOrDefault(b => !SchemaShape.Types(document.Resolve(b)).SequenceEqual(["null"]));
        return branch.ValueKind == JsonValueKind.Undefined ? resolved : document.Resolve(branch);
    }

    /// <summary>Five values per field, chosen by the type the field expects.</summary>
    private static string[] Values(JsonElement schema)
    {
        var types = SchemaShape.Types(schema);
        string[] common = [JsonText.Null, "{}", "[null]"];
        return common.Concat(
            types.Contains("array") ? ["\"x\"", "[{}]"]
            : types.Contains("integer") || types.Contains("number") ? ["\"1e300\"", "9223372036854775808"]
            : types.Contains("boolean") ? ["\"true\"", "2"]
            : types.Contains("object") ? ["[]", "\"x\""]
            : types.Contains("string") ? ["1e300", "\"\\u0000\\ud800\""]
            : ["1e300", "\"x\""]).ToArray();
    }
}
