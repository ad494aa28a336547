using FsCheck;
using FsCheck.Fluent;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>Credentials (right, wrong, another account's, missing, mangled) and unrelated headers that should change nothing.</summary>
public static class HeaderGen
{
    public static Gen<List<(string, string)>> Auth(RequestContext ctx, bool fault)
    {
        var own = ("Authorization", "Bearer " + ctx.Account.ApiKey);
        if (!fault)
        {
            return G.Freq((9, G.Const(new List<(string, string)> { own })), (1, G.Const(new List<(string, string)> { ("Authorization", "bearer  " + ctx.Account.ApiKey + " ") })));
        }
        var other = ctx.World.Stranger(ctx.Account).ApiKey;
        return G.Freq(
            (3, G.Const(new List<(string, string)>())),
            (3, G.Const(new List<(string, string)> { ("Authorization", "Bearer " + other) })),
            (2, Hostile.String.Select(s => new List<(string, string)> { ("Authorization", "Bearer " + s) })),
            (1, G.Pick("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token " + ctx.Account.ApiKey, ctx.Account.ApiKey, "Bearer " + ctx.Account.ApiKey + "x",
                "Bearer " + ctx.Account.ApiKey[..^1], "Bearer " + new string('k', 20_000))
                .Select(v => new List<(string, string)> { ("Authorization", v) })),
            (1, G.Const(new List<(string, string)> { own, ("Authorization", "Bearer " + other) })));
    }

    public static Gen<List<(string, string)>> Admin(bool fault) => fault
        ? G.Freq(
            (3, G.Const(new List<(string, string)>())),
            (3, G.Pick("wrong", "", " " + DndApp.AdminKey, DndApp.AdminKey.ToUpperInvariant(), DndApp.AdminKey + "\u0000", new string('a', 10_000))
                .Select(k => new List<(string, string)> { ("X-Admin-Key", k) })),
            (1, Hostile.String.Select(k => new List<(string, string)> { ("X-Admin-Key", k) })))
        : G.Const(new List<(string, string)> { ("X-Admin-Key", DndApp.AdminKey) });

    /// <summary>Headers no endpoint should care about; sent with some requests of every kind.</summary>
    public static Gen<List<(string, string)>> Noise => G.Many(G.Freq(
        (2, G.Pick("application/json", "application/problem+json", "*/*", "text/html", "application/xml", "", "nonsense/x")
            .Select(a => ("Accept", a))),
        (1, G.Pick("gzip", "br", "identity", "garbage").Select(e => ("Content-Encoding", e))),
        (1, G.Pick("DELETE", "PUT", "GET").Select(m => ("X-HTTP-Method-Override", m))),
        (1, Hostile.String.Select(s => ("X-Forwarded-For", s))),
        (1, Hostile.String.Select(s => ("X-Admin-Key", s))),
        (1, Hostile.String.Select(s => ("X-Twilio-Signature", s))),
        (1, Hostile.String.Select(s => ("Cookie", "a=" + s))),
        (1, G.Pick("*", "\"x\"", "W/\"1\"").Select(v => ("If-None-Match", v)))), 1, 3);
}
