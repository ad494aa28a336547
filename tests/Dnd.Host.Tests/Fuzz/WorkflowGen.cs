using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Workflow definitions built from the server's own activity palette (GET /workflows/activities): a chain of
/// activities joined through real outcomes, so valid ones publish and run. Fuzzed ones break one part at a time:
/// property values (Delay "1e300"), nulls where lists belong, dangling connections, duplicate ids, odd positions.
/// </summary>
public sealed class WorkflowGen(IReadOnlyList<JsonElement> palette)
{
    private static readonly string[] HostileDurations =
    [
        "1e300", "-1", "1e-300", "NaN", "Infinity", "-Infinity", "99999999.00:00:00", "10675199.02:48:05.4775807", "10675199",
        "9e15", "00:00:00", "-00:00:01", "1.7976931348623157e308", "922337203685", "24:00:00", "1:2:3:4", "P1D",
    ];

    public bool Handles(string schemaName) => schemaName == "WorkflowDefinition" && palette.Count > 0;

    public Gen<string> Valid(RequestContext ctx) => Definition(ctx, fuzz: false);

    public Gen<string> Fuzzed(RequestContext ctx) => Definition(ctx, fuzz: true);

    private Gen<string> Definition(RequestContext ctx, bool fuzz)
    {
        var id = ctx.Path.GetValueOrDefault("workflowId") ?? ctx.Fresh;
        return from count in G.Int(1, 4)
               from startWithTrigger in G.Chance(40)
               from kinds in Gen.CollectToList(Enumerable.Range(0, count).Select(i => Kind(trigger: i == 0 && startWithTrigger)))
               from activities in Gen.CollectToList(kinds.Select((k, i) => Activity($"a{i}", k, fuzz)))
               from connections in Connections(kinds, fuzz)
               from reentry in G.Chance(50)
               from mutation in fuzz ? G.Int(0, 14) : G.Const(-1)
               from junk in Hostile.JsonWrongType
               select Assemble(id, activities, connections, reentry, mutation, junk);
    }

    /// <summary>One activity of the given type, its properties valid except one, which is the raw JSON given.</summary>
    public Gen<string> Single(RequestContext ctx, string type, string property, string raw)
    {
        var kind = palette.First(p => p.GetProperty("type").GetString() == type);
        var others = kind.GetProperty("properties").EnumerateArray().Where(p => p.GetProperty("name").GetString() != property)
            .Select(p => PropertyValue(p).Select(v => (p.GetProperty("name").GetString()!, v)));
        var id = ctx.Path.GetValueOrDefault("workflowId") ?? ctx.Fresh;
        return Gen.CollectToList(others).Select(props =>
        {
            var properties = JsonText.Obj(props.Append((property, raw)));
            var activity = JsonText.Obj([("id", JsonText.Str("a0")), ("type", JsonText.Str(type)), ("properties", properties)]);
            return JsonText.Obj([("id", JsonText.Str(id)), ("name", JsonText.Str("Sweep " + type)), ("activities", JsonText.Arr([activity])), ("connections", "[]")]);
        });
    }

    private static string Assemble(string id, List<string> activities, List<string> connections, bool reentry, int mutation, string junk)
    {
        var members = new List<(string, string)>
        {
            ("id", JsonText.Str(id)),
            ("name", JsonText.Str("Fuzz flow " + id)),
            ("allowReentry", JsonText.Bool(reentry)),
            ("activities", JsonText.Arr(activities)),
            ("connections", JsonText.Arr(connections)),
        };
        // One structural break per fuzzed definition; the rest stays valid so the break is what gets tested.
        switch (mutation)
        {
            case 0: members[3] = ("activities", JsonText.Null); break;
            case 1: members[4] = ("connections", JsonText.Null); break;
            case 2: members[3] = ("activities", "[null]"); break;
            case 3: members[4] = ("connections", "[null]"); break;
            case 4: members[3] = ("activities", JsonText.Arr(activities.Concat(activities))); break;
            case 5: members[1] = ("name", junk); break;
            case 6: members[0] = ("id", junk); break;
            case 7: members.Add(("version", junk)); break;
            case 8: members[3] = ("activities", junk); break;
            case 9: members[4] = ("connections", junk); break;
            case 10: members[4] = ("connections", JsonText.Arr(connections.Append("{\"source\":\"a0\",\"outcome\":\"Done\",\"target\":\"nowhere\"}"))); break;
        }
        return JsonText.Obj(members);
    }

    private Gen<JsonElement> Kind(bool trigger)
    {
        var matching = palette.Where(p => p.GetProperty("isTrigger").GetBoolean() == trigger).ToList();
        return G.PickFrom(matching.Count > 0 ? matching : palette.ToList());
    }

    private static Gen<string> Activity(string id, JsonElement kind, bool fuzz)
    {
        var properties = kind.GetProperty("properties").EnumerateArray().ToList();
        var values = properties.Select(p =>
            from include in G.Chance(p.GetProperty("required").GetBoolean() ? 100 : 60)
            from value in fuzz ? G.Freq((3, PropertyValue(p)), (1, HostileValue(p))) : PropertyValue(p)
            select include ? new[] { (p.GetProperty("name").GetString()!, value) } : []);
        return from props in Gen.CollectToList(values)
               from mutation in fuzz ? G.Int(0, 12) : G.Const(-1)
               from junk in Hostile.JsonWrongType
               from x in G.Int(0, 600)
               select JsonText.Obj(NodeMembers(id, kind.GetProperty("type").GetString()!, JsonText.Obj(props.SelectMany(v => v)), x, mutation, junk));
    }

    private static IEnumerable<(string, string)> NodeMembers(string id, string type, string properties, int x, int mutation, string junk) =>
    [
        ("id", mutation == 0 ? junk : JsonText.Str(id)),
        ("type", mutation switch { 1 => junk, 2 => JsonText.Str("Teleport"), _ => JsonText.Str(type) }),
        ("properties", mutation == 3 ? junk : properties),
        ("position", mutation == 4 ? $"{{\"x\":{junk},\"y\":1e400}}" : $"{{\"x\":{x},\"y\":{x / 2}}}"),
    ];

    private static Gen<string> PropertyValue(JsonElement property)
    {
        var options = property.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray().Select(e => e.GetString()!).ToArray()
            : [];
        return (property.GetProperty("kind").GetString() switch
        {
            "channel" => G.Pick(ValueHints.Channels),
            "channelOrAll" => G.Pick(ValueHints.Channels.Append("all").ToArray()),
            "boolean" => G.Pick("true", "false"),
            "duration" => G.Pick("00:05:00", "00:01:00", "120", "1.00:00:00", "0"),
            "choice" when options.Length > 0 => G.Pick(options),
            "template" => G.Pick("Hi {{ contact.first_name }}", "Bye", "{{ contact.email }}"),
            _ => G.Pick("note", ""),
        }).Select(JsonText.Str);
    }

    private static Gen<string> HostileValue(JsonElement property) => property.GetProperty("kind").GetString() switch
    {
        "duration" => G.Freq((4, G.Pick(HostileDurations).Select(JsonText.Str)), (1, Hostile.JsonNumber), (1, Hostile.JsonWrongType)),
        "template" => G.Freq((3, G.Pick("{{ for x in 1..1000000 }}{{ x }}{{ end }}", "{{ x.y.z }}", "{{", "{{ 1/0 }}", "{{ contact.__proto__ }}")
            .Select(JsonText.Str)), (1, Hostile.JsonWrongType)),
        _ => G.Freq((1, Hostile.String.Select(JsonText.Str)), (1, Hostile.JsonWrongType)),
    };

    private Gen<List<string>> Connections(List<JsonElement> kinds, bool fuzz)
    {
        var links = kinds.Take(kinds.Count - 1).Select((k, i) =>
            G.Pick(k.GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()!).ToArray())
                .Select(outcome => Connection($"a{i}", outcome, $"a{i + 1}")));
        return from chain in Gen.CollectToList(links)
               from loop in G.Chance(fuzz ? 20 : 10)
               from outcome in G.Pick(kinds[^1].GetProperty("outcomes").EnumerateArray().Select(e => e.GetString()!).ToArray())
               select loop && kinds.Count >= 2
                   ? chain.Append(Connection($"a{kinds.Count - 1}", outcome, kinds.Count >= 3 ? "a1" : $"a{kinds.Count - 1}")).ToList()
                   : chain;
    }

    private static string Connection(string source, string outcome, string target) =>
        JsonText.Obj([("source", JsonText.Str(source)), ("outcome", JsonText.Str(outcome)), ("target", JsonText.Str(target))]);
}
