using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Requests to the key-authenticated API and the admin API, derived from the operation's OpenAPI entry. A faulty
/// request breaks some of: credentials, path ids, query, body, content type, extra headers; the rest stays valid.
/// </summary>
public sealed class ApiGen(SchemaGen schemas, WorkflowGen workflows)
{
    private sealed record Faults(bool Auth, bool Path, bool Query, bool Body, bool ContentType, bool Noise);

    public Gen<FuzzRequest> For(ApiOperation op, RequestContext ctx, bool fault, Family family) =>
        from faults in fault ? Faulty(op) : G.Const(new Faults(false, false, false, false, false, false))
        from path in ParameterGen.Path(op, ctx, faults.Path)
        let withPath = ctx with { Path = path }
        from url in ParameterGen.Fill(op.Route, path, faults.Path)
        from query in ParameterGen.Query(op, withPath, faults.Query)
        from auth in family == Family.Admin ? HeaderGen.Admin(faults.Auth) : HeaderGen.Auth(withPath, faults.Auth)
        from noise in faults.Noise ? HeaderGen.Noise : G.Const(new List<(string, string)>())
        from content in Body(op, withPath, faults)
        select new FuzzRequest(op.Method, op.Route, url + UrlText.Query(query), auth.Concat(noise).ToList(), content.Type, content.Bytes,
            family == Family.Admin ? null : ctx.Account, path, Label(faults, content.Label));

    /// <summary>Each part is broken on its own chance, and at least one is; a body fault is likeliest, it has the most to find.</summary>
    private static Gen<Faults> Faulty(ApiOperation op) =>
        (from auth in G.Chance(15)
         from path in G.Chance(op.In("path").Any() ? 30 : 0)
         from query in G.Chance(20)
         from body in G.Chance(op.Bodies.Count > 0 ? 65 : 8)
         from type in G.Chance(12)
         from noise in G.Chance(15)
         select new Faults(auth, path, query, body, type, noise))
        .Where(f => f.Auth || f.Path || f.Query || f.Body || f.ContentType || f.Noise);

    private Gen<(string? Type, byte[]? Bytes, string Label)> Body(ApiOperation op, RequestContext ctx, Faults faults)
    {
        var documented = op.Bodies.FirstOrDefault(b => b.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) && b.Schema is not null)
                         ?? op.Bodies.FirstOrDefault(b => b.Schema is not null);
        if (documented?.Schema is not { } schema)
        {
            // No body documented: usually none, sometimes junk, which the endpoint should ignore or refuse cleanly.
            return faults.Body
                ? from wrong in G.Chance(50)
                  from type in BodyGen.ContentType(wrong)
                  from bytes in BodyGen.Mangle("{}")
                  select (type, (byte[]?)bytes, "junk body")
                : G.Const<(string?, byte[]?, string)>((null, null, ""));
        }
        // A faulty body is mostly a valid one with one or two places broken, so each fault reaches the code behind
        // it instead of being masked by another; the rest are hostile throughout or broken as text.
        var json = faults.Body
            ? G.Freq((5, PointMutated(schemas.Valid(schema, ctx))), (3, schemas.Fuzzed(schema, ctx).Select(j => (j, "fuzzed body"))))
            : schemas.Valid(schema, ctx).Select(j => (j, "valid body"));
        return from body in json
               from mangle in faults.Body ? G.Chance(20) : G.Const(false)
               from bytes in mangle ? BodyGen.Mangle(body.Item1) : G.Const(BodyGen.Utf8(body.Item1))
               from type in BodyGen.ContentType(faults.ContentType)
               from asForm in G.Chance(type == "application/x-www-form-urlencoded" && !mangle ? 60 : 0)
               select (type, (byte[]?)(asForm ? BodyGen.AsForm(body.Item1) : bytes), mangle ? "mangled body" : asForm ? body.Item2 + " as a form" : body.Item2);
    }

    public Gen<FuzzRequest> Sweep(SweepCase sweep, RequestContext ctx)
    {
        var op = sweep.Operation;
        var family = Families.Of(op.Route);
        var schema = op.Bodies.First(b => b.Schema is not null).Schema!.Value;
        return from path in ParameterGen.Path(op, ctx, fault: false)
               let withPath = ctx with { Path = path }
               from url in ParameterGen.Fill(op.Route, path, fault: false)
               from auth in family == Family.Admin ? HeaderGen.Admin(fault: false) : HeaderGen.Auth(withPath, fault: false)
               from body in sweep.Activity is { } activity
                   ? workflows.Single(withPath, activity.Type, activity.Property, sweep.Value)
                   : sweep.ContentType is not null
                       ? schemas.Valid(schema, withPath)
                       : from root in schemas.Valid(schema, withPath)
                         from child in sweep.Child is { } c ? schemas.Valid(c, withPath).Select(j => (string?)j) : G.Const<string?>(null)
                         select JsonSplice.Set(root, sweep.Property, sweep.Value, child, sweep.ChildProperty, sweep.ChildInArray)
               select new FuzzRequest(op.Method, op.Route, url, auth, sweep.ContentType ?? BodyGen.Json, BodyGen.Utf8(body),
                   family == Family.Admin ? null : ctx.Account, path, sweep.Describe());
    }

    private static Gen<(string, string)> PointMutated(Gen<string> valid) =>
        from json in valid
        from count in G.Freq((3, G.Const(1)), (1, G.Const(2)))
        from places in G.Many(G.Int(0, 10_000), count, count)
        from values in G.Many(PointValue, count, count)
        select (places.Zip(values).Aggregate(json, (doc, m) => JsonSplice.ReplaceAt(doc, m.First, m.Second)),
            "body with " + string.Join(", ", values.Select(v => v is null ? "a member removed" : FuzzRequest.Shorten(v, 30))));

    /// <summary>What goes in the broken place: null means the member is removed.</summary>
    private static Gen<string?> PointValue => G.Freq(
        (4, G.Const<string?>(JsonText.Null)),
        (2, G.Pick<string?>("{}", "[]", "[null]", "[{}]")),
        (2, G.Const<string?>(null)),
        (3, Hostile.JsonWrongType.Select(v => (string?)v)),
        (2, Hostile.JsonNumber.Select(v => (string?)v)),
        (3, Hostile.String.Select(v => (string?)JsonText.Str(v))));

    private static string Label(Faults f, string body)
    {
        var parts = new List<string>();
        if (f.Auth) parts.Add("bad credentials");
        if (f.Path) parts.Add("odd path ids");
        if (f.Query) parts.Add("odd query");
        if (f.ContentType) parts.Add("wrong content type");
        if (f.Noise) parts.Add("header noise");
        if (body.Length > 0) parts.Add(body);
        return parts.Count == 0 ? "valid" : string.Join(", ", parts);
    }
}
