using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Path and query values. Path ids come from this account's known rows, the other account's rows, or nowhere;
/// query values from the schema, its boundaries, or hostile text, plus parameters nobody declared.
/// </summary>
public static class ParameterGen
{
    /// <summary>Raw (unescaped) values for each path parameter of the route.</summary>
    public static Gen<Dictionary<string, string>> Path(ApiOperation op, RequestContext ctx, bool fault)
    {
        var parameters = op.In("path").Select(p => PathValue(p.Name, ctx, fault).Select(v => (p.Name, v)));
        return Gen.CollectToList(parameters).Select(list => list.ToDictionary(x => x.Name, x => x.v));
    }

    private static Gen<string> PathValue(string name, RequestContext ctx, bool fault)
    {
        IReadOnlyList<string> own = name == "accountId" ? [ctx.Account.Id] : ctx.Pool(name);
        IReadOnlyList<string> strangers = name == "accountId" ? [ctx.World.Stranger(ctx.Account).Id] : ctx.World.Pool(ctx.World.Stranger(ctx.Account), name);
        var fresh = G.Alnum(1, 24);
        if (!fault)
        {
            return G.PickOr(own, name == "formId" ? G.Pick("form-1", "form-2") : fresh);
        }
        return G.Freq(
            (4, G.PickOr(own, fresh)),
            (3, G.PickOr(strangers, fresh)),
            (2, fresh),
            (3, Hostile.String.Where(s => s.Length > 0)));
    }

    /// <summary>The route with its parameters filled in; a few values go in unescaped to reach the router raw.</summary>
    public static Gen<string> Fill(string route, IReadOnlyDictionary<string, string> values, bool fault) =>
        G.Chance(fault ? 10 : 0).Select(raw => values.Aggregate(route, (path, p) =>
            path.Replace("{" + p.Key + "}", raw && p.Value.Length > 0 ? p.Value.Replace("?", "%3F").Replace("#", "%23") : UrlText.Escape(p.Value))));

    /// <summary>Declared query parameters (valid or not) and, when faulty, undeclared and repeated ones.</summary>
    public static Gen<List<(string, string)>> Query(ApiOperation op, RequestContext ctx, bool fault)
    {
        var declared = op.In("query").Select(p =>
            from include in G.Chance(p.Required ? 100 : 50)
            from value in fault ? G.Freq((2, Valid(p, ctx)), (2, Hostile.NumberText), (1, Hostile.String)) : Valid(p, ctx)
            select include ? new[] { (p.Name, value) } : []);
        var extras = fault
            ? G.Many(G.Freq(
                (2, G.Pick(ctx.Account.Id, ctx.World.Stranger(ctx.Account).Id, "", "x").Select(v => ("locationId", v))),
                (2, G.Pick("-1", "0", "99999999999", "1e300", "abc", "").Select(v => ("page", v))),
                (2, G.Pick("-1", "0", "99999999999", "1e300", "abc", "").Select(v => ("pageLimit", v))),
                (1, Hostile.String.Select(v => ("bodySHA256", v))),
                (1, from k in Hostile.String from v in Hostile.String select (k, v))), 0, 3)
            : G.Const(new List<(string, string)>());
        return from d in Gen.CollectToList(declared)
               from e in extras
               select d.SelectMany(x => x).Concat(e).ToList();
    }

    private static Gen<string> Valid(ApiParameter p, RequestContext ctx)
    {
        if (ValueHints.For(null, p.Name, ctx) is { } hinted)
        {
            return hinted.Select(Raw);
        }
        var types = SchemaShape.Types(p.Schema);
        return types.Contains("integer") || types.Contains("number") ? G.Int(1, 50).Select(n => n.ToString()) : G.Alnum(1, 12);
    }

    /// <summary>A JSON string's content, or other JSON as its text: what a query value of that field looks like.</summary>
    private static string Raw(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.String ? doc.RootElement.GetString()! : json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
