using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// JSON values for an OpenAPI schema. Valid draws what the schema (and the field's name) allows; Fuzzed keeps the
/// shape but puts boundary and hostile values, wrong types, missing, unknown and duplicated members at any node.
/// </summary>
public sealed class SchemaGen(OpenApiDocument document, WorkflowGen workflows)
{
    private const int MaxDepth = 6;

    public Gen<string> Valid(JsonElement schema, RequestContext ctx) => Node(schema, null, null, ctx, 0, fuzz: false);

    public Gen<string> Fuzzed(JsonElement schema, RequestContext ctx) => Node(schema, null, null, ctx, 0, fuzz: true);

    private Gen<string> Node(JsonElement schema, string? owner, string? property, RequestContext ctx, int depth, bool fuzz)
    {
        var name = SchemaShape.RefName(schema);
        var resolved = document.Resolve(schema);
        var valid = Shaped(resolved, name, owner, property, ctx, depth, fuzz);
        // The root keeps its shape more often: a wholly wrong body is one case among many, not a third of them.
        return fuzz
            ? G.Freq((depth == 0 ? 30 : 12, valid), (2, Boundary(resolved)), (2, Hostile.JsonWrongType), (1, G.Const(JsonText.Null)))
            : valid;
    }

    private Gen<string> Shaped(JsonElement schema, string? name, string? owner, string? property, RequestContext ctx, int depth, bool fuzz)
    {
        if (name is not null && workflows.Handles(name))
        {
            return fuzz ? workflows.Fuzzed(ctx) : workflows.Valid(ctx);
        }
        if (ValueHints.For(owner, property, ctx) is { } hinted)
        {
            return hinted;
        }
        var branches = SchemaShape.Branches(schema).Where(b => !SchemaShape.Types(b).SequenceEqual(["null"])).ToList();
        if (branches.Count > 0)
        {
            return G.PickFrom(branches).SelectMany(b => Node(b, owner, property, ctx, depth, fuzz));
        }
        var enumValues = SchemaShape.Enum(schema);
        if (enumValues.Count > 0)
        {
            return G.PickFrom(enumValues);
        }
        var types = SchemaShape.Types(schema).Where(t => t != "null").ToList();
        var owned = name ?? owner;
        return Preferred(types) switch
        {
            "object" => Object(schema, name, owned, property, ctx, depth, fuzz),
            "array" => Array(schema, owned, property, ctx, depth, fuzz),
            // ["integer","string"] is ASP.NET's "a number, or a string holding one".
            "integer" => G.Freq((6, G.Int(0, 100).Select(n => n.ToString())), (types.Contains("string") ? 1 : 0, G.Int(0, 100).Select(n => $"\"{n}\""))),
            "number" => G.Pick("0", "1.5", "-2.25", "100"),
            "boolean" => G.Pick("true", "false"),
            "string" => G.Alnum(1, 12).Select(JsonText.Str),
            _ => G.Pick("\"x\"", "1", "true", "null", "{}", "[\"a\"]"),
        };
    }

    private static string? Preferred(IReadOnlyList<string> types) =>
        new[] { "object", "array", "integer", "number", "boolean", "string" }.FirstOrDefault(types.Contains);

    private Gen<string> Object(JsonElement schema, string? name, string? owner, string? property, RequestContext ctx, int depth, bool fuzz)
    {
        if (depth >= MaxDepth)
        {
            return G.Const("{}");
        }
        var props = SchemaShape.Properties(schema);
        var required = SchemaShape.Required(schema);
        if (props.Count == 0)
        {
            return SchemaShape.Member(schema, "additionalProperties") is { } values
                ? G.Many(ValueHints.KeyFor(property).SelectMany(k => Node(values, owner, null, ctx, depth + 1, fuzz).Select(v => (k, v))), 0, 3)
                    .Select(m => JsonText.Obj(m.DistinctBy(x => x.k)))
                : G.Const("{}");
        }
        var members = props.Select(p =>
            from include in G.Chance(required.Contains(p.Name) ? (fuzz ? 92 : 100) : 60)
            from value in Node(p.Schema, name ?? owner, p.Name, ctx, depth + 1, fuzz)
            select include ? new[] { (p.Name, value) } : []);
        var body = Gen.CollectToList(members).Select(m => m.SelectMany(x => x).ToList());
        if (!fuzz)
        {
            return body.Select(JsonText.Obj);
        }
        return from m in body
               from extra in G.Freq((14, G.Const(0)), (2, G.Const(1)), (1, G.Const(2)), (1, G.Const(3)))
               from junk in Hostile.JsonWrongType
               from key in G.Pick(props.ToArray())
               select JsonText.Obj(extra switch
               {
                   // An unknown member, a repeated one (which value wins?), a key in other casing.
                   1 => m.Append(("unexpected" + key.Name, junk)),
                   2 => m.Append((key.Name, junk)),
                   3 => m.Select(x => (x.Name.ToUpperInvariant(), x.value)),
                   _ => m,
               });
    }

    private Gen<string> Array(JsonElement schema, string? owner, string? property, RequestContext ctx, int depth, bool fuzz)
    {
        if (depth >= MaxDepth || SchemaShape.Member(schema, "items") is not { } items)
        {
            return G.Const("[]");
        }
        return G.Many(Node(items, owner, null, ctx, depth + 1, fuzz), 0, 3).Select(JsonText.Arr);
    }

    /// <summary>Edge values of the right JSON type: empty, long, the ends of int, a long array.</summary>
    private static Gen<string> Boundary(JsonElement schema)
    {
        var types = SchemaShape.Types(schema);
        var gens = new List<(int, Gen<string>)>();
        if (types.Contains("string") || types.Count == 0)
        {
            gens.Add((3, G.Freq((3, G.Pick("", " ", "a")), (2, Hostile.Long), (2, Hostile.OddString), (1, Hostile.BrokenUnicode)).Select(JsonText.Str)));
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            gens.Add((3, Hostile.JsonNumber));
        }
        if (types.Contains("array"))
        {
            gens.Add((2, G.Freq((4, G.Pick("[]", "[null]", "[\"\"]")), (1, G.Lazy(() => JsonText.Arr(Enumerable.Repeat("\"a\"", 10_000))))))); 
        }
        if (types.Contains("object"))
        {
            gens.Add((2, G.Pick("{}", "{\"\":\"\"}", "{\"__proto__\":{}}")));
        }
        if (types.Contains("boolean"))
        {
            gens.Add((1, G.Pick("\"true\"", "1", "0", "\"yes\"")));
        }
        return gens.Count == 0 ? Hostile.JsonWrongType : G.Freq(gens.ToArray());
    }
}
