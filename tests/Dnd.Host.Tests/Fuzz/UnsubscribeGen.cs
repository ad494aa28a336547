using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Unsubscribe links: tokens minted with the server's own key for real contacts of either account (and for ones
/// that do not exist), tampered and truncated tokens, and junk; POSTed with the one-click form or anything else.
/// </summary>
public static class UnsubscribeGen
{
    public static Gen<FuzzRequest> For(ApiOperation op, RequestContext ctx, bool fault)
    {
        var stranger = ctx.World.Stranger(ctx.Account);
        var minted = G.Freq(
            (6, G.PickOr(ctx.Pool("contactId"), G.Const("no-such-contact")).Select(c => (ctx.Account, ctx.World.MintUnsubscribeToken(ctx.Account.Id, c)))),
            (fault ? 2 : 0, G.PickOr(ctx.World.Pool(stranger, "contactId"), G.Const("gone")).Select(c => (stranger, ctx.World.MintUnsubscribeToken(stranger.Id, c)))),
            (fault ? 1 : 0, G.Const((ctx.Account, ctx.World.MintUnsubscribeToken(ctx.Account.Id, "deleted-or-never")))),
            (fault ? 1 : 0, G.Const((ctx.Account, ctx.World.MintUnsubscribeToken("no-such-account", "c")))));
        var token = fault
            ? G.Freq(
                (5, minted),
                (2, minted.SelectMany(m => G.Int(0, 3).Select(k => (m.Item1, Tamper(m.Item2, k))))),
                (2, Hostile.String.Where(s => s.Length > 0).Select(s => (ctx.Account, s))),
                (1, G.Pick(".", "a.", ".b", "a.b", "YQ.YQ", "!!!.???", "a.b.c").Select(s => (ctx.Account, s))))
            : minted;
        var body = op.Method == "POST"
            ? fault
                ? G.Freq((3, G.Const<(string?, byte[]?)>(("application/x-www-form-urlencoded", BodyGen.Utf8("List-Unsubscribe=One-Click")))),
                    (1, G.Const<(string?, byte[]?)>((null, null))),
                    (2, from t in BodyGen.ContentType(true) from b in BodyGen.Mangle("List-Unsubscribe=One-Click") select (t, (byte[]?)b)))
                : G.Const<(string?, byte[]?)>(("application/x-www-form-urlencoded", BodyGen.Utf8("List-Unsubscribe=One-Click")))
            : G.Const<(string?, byte[]?)>((null, null));
        return from t in token
               from b in body
               from noise in fault ? G.Freq((3, G.Const(new List<(string, string)>())), (1, HeaderGen.Noise)) : G.Const(new List<(string, string)>())
               select new FuzzRequest(op.Method, op.Route, op.Route.Replace("{token}", UrlText.Escape(t.Item2)), noise, b.Item1, b.Item2, t.Item1,
                   new Dictionary<string, string> { ["token"] = t.Item2 }, $"unsubscribe{(fault ? " faulty" : "")}");
    }

    /// <summary>Breaks a valid token: a flipped signature char, a cut, the payload alone, or padding added.</summary>
    private static string Tamper(string token, int how) => how switch
    {
        0 => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
        1 => token[..(token.Length / 2)],
        2 => token.Split('.')[0],
        _ => token + "==",
    };
}
