using System.Globalization;
using Dnd.Host.Webhooks;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Mailgun event webhooks: { signature: { timestamp, token, signature }, "event-data": { id, event, severity, reason,
/// recipient } }. Valid ones (and half the faulty ones) are signed with the account's key and a current timestamp;
/// faults cover odd timestamps ("1e300", far past), replayed tokens, wrong shapes and wrong content types.
/// </summary>
public static class MailgunGen
{
    public static Gen<FuzzRequest> For(ApiOperation op, RequestContext ctx, bool fault)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var timestamp = fault
            ? G.Freq((6, G.Const(now.ToString(CultureInfo.InvariantCulture))),
                (1, G.Pick("1e300", "-1", "0", "99999999999999999999", "253402300800", "abc", "", " 1", (now - 3600).ToString(), (now + 3600).ToString())),
                (1, Hostile.NumberText))
            : G.Const(now.ToString(CultureInfo.InvariantCulture));
        var token = G.Freq((8, G.Alnum(20, 50)), (fault ? 2 : 0, G.PickOr(ctx.Pool("mailgunToken"), G.Const("replayed-token"))));
        var eventData =
            from id in G.Freq((9, G.Int(0, 99999).Select(n => $"ev-{ctx.Fresh}-{n}")), (1, G.PickOr(ctx.Pool("mailgunEvent"), G.Const("ev-replayed"))))
            from evt in G.Freq((6, G.Pick("failed", "unsubscribed", "complained", "delivered", "opened")), (fault ? 1 : 0, Hostile.String))
            from severity in G.Pick<string?>("permanent", "temporary", null)
            from reason in G.Pick<string?>("bounce", "suppress-bounce", "generic", "suppress-unsubscribe", "suppress-complaint", null)
            from recipient in G.Freq((6, ValueHints.Email(ctx)), (fault ? 2 : 0, Hostile.String))
            select (id, evt, severity, reason, recipient);
        return from target in G.Freq((8, G.Const<FuzzAccount?>(ctx.Account)), (fault ? 2 : 0, G.Const<FuzzAccount?>(ctx.World.Stranger(ctx.Account))), (fault ? 1 : 0, G.Const<FuzzAccount?>(null)))
               from unknownId in Hostile.String.Where(s => s.Length > 0)
               from ts in timestamp
               from tok in token
               from data in eventData
               from signing in fault ? G.Freq((5, G.Const(0)), (1, G.Const(1)), (1, G.Const(2)), (1, G.Const(3)), (1, G.Const(4))) : G.Const(0)
               from shape in fault ? G.Freq((8, G.Const(0)), (1, G.Int(1, 7))) : G.Const(0)
               from junk in Hostile.JsonWrongType
               from contentType in fault ? G.Freq((8, G.Const<string?>("application/json")), (1, BodyGen.ContentType(fault: true))) : G.Const<string?>("application/json")
               from mangle in fault ? G.Chance(10) : G.Const(false)
               let json = Json(target ?? ctx.Account, ts, tok, data, signing, shape, junk)
               from body in mangle ? BodyGen.Mangle(json) : G.Const(BodyGen.Utf8(json))
               let accountId = target?.Id ?? unknownId
               select new FuzzRequest("POST", op.Route, op.Route.Replace("{accountId}", UrlText.Escape(accountId)), [], contentType, body, target,
                   new Dictionary<string, string> { ["accountId"] = accountId }, $"mailgun signing={signing} shape={shape}{(mangle ? " mangled" : "")}")
               {
                   Remember = [("mailgunToken", tok), ("mailgunEvent", data.id)],
               };
    }

    private static string Json(FuzzAccount account, string timestamp, string token,
        (string Id, string Event, string? Severity, string? Reason, string Recipient) data, int signing, int shape, string junk)
    {
        var signature = signing switch
        {
            1 => MailgunSignature.Compute("wrong-key", timestamp, token),
            2 => "deadbeef",
            3 => MailgunSignature.Compute(account.MailgunKey, timestamp, token).ToUpperInvariant(),
            4 => null,
            _ => MailgunSignature.Compute(account.MailgunKey, timestamp, token),
        };
        string Opt(string? s) => s is null ? JsonText.Null : JsonText.Str(s);
        var sig = JsonText.Obj([("timestamp", shape == 1 ? junk : JsonText.Str(timestamp)), ("token", JsonText.Str(token)), ("signature", Opt(signature))]);
        var evt = JsonText.Obj([("id", shape == 2 ? junk : JsonText.Str(data.Id)), ("event", JsonText.Str(data.Event)), ("severity", Opt(data.Severity)),
            ("reason", Opt(data.Reason)), ("recipient", shape == 3 ? junk : JsonText.Str(data.Recipient))]);
        return shape switch
        {
            4 => JsonText.Obj([("signature", junk), ("event-data", evt)]),
            5 => JsonText.Obj([("signature", sig), ("event-data", junk)]),
            6 => JsonText.Obj([("signature", sig), ("event-data", evt), ("event-data", junk)]),
            7 => junk,
            _ => JsonText.Obj([("signature", sig), ("event-data", evt)]),
        };
    }
}
