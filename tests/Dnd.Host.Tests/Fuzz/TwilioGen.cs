using System.Security.Cryptography;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Twilio callbacks (sms, status, voice): form fields as Twilio sends them, or as JSON signed through bodySHA256,
/// or multipart, whole or broken. Valid ones, and half of the faulty ones, carry a correct X-Twilio-Signature so
/// the fuzz gets past the signature check into the handlers.
/// </summary>
public static class TwilioGen
{
    private enum Encoding
    {
        Form,
        Json,
        Multipart,
        BrokenMultipart,
        WrongType,
    }

    public static Gen<FuzzRequest> For(ApiOperation op, RequestContext ctx, bool fault)
    {
        var hook = op.Route.TrimEnd('/').Split('/')[^1];
        return from target in Target(ctx, fault)
               from fields in Fields(hook, ctx, fault)
               from encoding in fault
                   ? G.Freq((12, G.Const(Encoding.Form)), (3, G.Const(Encoding.Json)), (2, G.Const(Encoding.Multipart)), (3, G.Const(Encoding.BrokenMultipart)), (2, G.Const(Encoding.WrongType)))
                   : G.Freq((8, G.Const(Encoding.Form)), (1, G.Const(Encoding.Json)), (1, G.Const(Encoding.Multipart)))
               from damage in G.Pick(Enum.GetValues<Multipart.Damage>().Skip(1).ToArray())
               from wrongType in G.Pick(BodyGen.WrongContentTypes)
               from signing in fault ? G.Freq((10, G.Const(0)), (2, G.Const(1)), (2, G.Const(2)), (2, G.Const(3)), (2, G.Const(4)), (1, G.Const(5))) : G.Const(0)
               from extraQuery in fault ? G.Freq((4, G.Const("")), (1, Hostile.String.Select(s => "?x=" + UrlText.Escape(s)))) : G.Const("")
               from noise in fault ? G.Freq((3, G.Const(new List<(string, string)>())), (1, HeaderGen.Noise)) : G.Const(new List<(string, string)>())
               select Build(op, ctx, target, hook, fields, encoding, damage, wrongType, signing, extraQuery, noise);
    }

    /// <summary>This account, the other one, or one that does not exist; with the token the server will check against.</summary>
    private static Gen<(string Id, FuzzAccount? Account)> Target(RequestContext ctx, bool fault) => fault
        ? G.Freq(
            (7, G.Const<(string, FuzzAccount?)>((ctx.Account.Id, ctx.Account))),
            (2, G.Const<(string, FuzzAccount?)>((ctx.World.Stranger(ctx.Account).Id, ctx.World.Stranger(ctx.Account)))),
            (1, Hostile.String.Where(s => s.Length > 0).Select(s => (s, (FuzzAccount?)null))))
        : G.Const<(string, FuzzAccount?)>((ctx.Account.Id, ctx.Account));

    private static Gen<List<(string, string)>> Fields(string hook, RequestContext ctx, bool fault)
    {
        var sid = G.Freq((9, G.Int(0, 99999).Select(n => $"SM{ctx.Fresh}x{n}")), (1, G.PickOr(ctx.Pool("twilioSid"), G.Const("SMreplayed"))));
        var phone = G.Freq((5, ValueHints.Phone(ctx)), (1, ValueHints.Phone(ctx).Select(p => "whatsapp:" + p)));
        var body = G.Pick("STOP", "stop", " Stop ", "START", "HELP", "hello", "UNSUBSCRIBE", "yes", "", "stop please", "QUIT");
        var baseFields = hook switch
        {
            "status" => from s in sid
                        from to in phone
                        from status in G.Pick("failed", "undelivered", "delivered", "sent", "queued")
                        from code in G.Pick("30003", "30004", "30005", "30006", "30007", "21610", "", "11200")
                        select new List<(string, string)> { ("MessageSid", s), ("MessageStatus", status), ("To", to), ("From", "+15550009999"), ("ErrorCode", code) },
            "voice" => from s in sid
                       from sender in phone
                       select new List<(string, string)> { ("CallSid", "CA" + s), ("From", sender), ("To", "+15550009999") },
            _ => from s in sid
                 from sender in phone
                 from text in body
                 from optOut in G.Freq((8, G.Const("")), (1, G.Pick("STOP", "START", "HELP")))
                 select new List<(string, string)> { ("MessageSid", s), ("From", sender), ("To", "+15550009999"), ("Body", text) }
                     .Concat(optOut.Length > 0 ? [("OptOutType", optOut)] : new List<(string, string)>()).ToList(),
        };
        return fault ? baseFields.SelectMany(Damage) : baseFields;
    }

    private static readonly string[] KnownFields = ["MessageSid", "SmsSid", "From", "To", "Body", "OptOutType", "MessageStatus", "SmsStatus", "ErrorCode", "CallSid"];

    /// <summary>One or two field-level faults: a field missing, hostile, repeated, unknown, huge, or past the limits.</summary>
    private static Gen<List<(string, string)>> Damage(List<(string Key, string Value)> fields) =>
        from kind in G.Int(0, 8)
        from index in G.Int(0, fields.Count - 1)
        from hostile in Hostile.String
        from name in G.Pick(KnownFields)
        select kind switch
        {
            0 => fields.Where((_, i) => i != index).ToList(),
            1 or 2 => fields.Select((f, i) => i == index ? (f.Key, hostile) : f).ToList(),
            3 => fields.Append((fields[index].Key, hostile)).ToList(),
            4 => fields.Append((name, hostile)).ToList(),
            5 => fields.Select((f, i) => i == index ? (f.Key, Hostile.Huge) : f).ToList(),
            6 => fields.Append(("Body", new string('s', Hostile.OverWebhookLimitLength))).ToList(),
            7 => fields.Append(("Body", new string('s', Hostile.OverLimitLength))).ToList(),
            _ => fields.Append((hostile, "x")).ToList(),
        };

    private static FuzzRequest Build(ApiOperation op, RequestContext ctx, (string Id, FuzzAccount? Account) target, string hook,
        List<(string Key, string Value)> fields, Encoding encoding, Multipart.Damage damage, string wrongType, int signing, string extraQuery,
        List<(string, string)> noise)
    {
        var path = op.Route.Replace("{accountId}", UrlText.Escape(target.Id));
        string? contentType;
        byte[] body;
        var query = extraQuery;
        switch (encoding)
        {
            case Encoding.Json:
                body = System.Text.Encoding.UTF8.GetBytes(JsonText.Obj(fields.Select(f => (f.Key, JsonText.Str(f.Value)))));
                contentType = "application/json";
                query = (query.Length == 0 ? "?" : query + "&") + "bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(body));
                break;
            case Encoding.Multipart or Encoding.BrokenMultipart:
                (contentType, body) = Multipart.Build(fields, $"fz{ctx.Case}", encoding == Encoding.Multipart ? Multipart.Damage.None : damage);
                break;
            case Encoding.WrongType:
                body = System.Text.Encoding.UTF8.GetBytes(UrlText.Form(fields));
                contentType = wrongType;
                break;
            default:
                body = System.Text.Encoding.UTF8.GetBytes(UrlText.Form(fields));
                contentType = "application/x-www-form-urlencoded";
                break;
        }
        var url = path + query;
        var token = signing == 1 ? ctx.World.Stranger(ctx.Account).TwilioToken : target.Account?.TwilioToken ?? ctx.Account.TwilioToken;
        // Repeated form fields are signed joined with commas, as the server (and twilio-csharp) read them.
        var signed = encoding == Encoding.Json
            ? []
            : fields.GroupBy(f => f.Key).Select(g => new KeyValuePair<string, string>(g.Key, string.Join(",", g.Select(f => f.Value)))).ToList();
        var signature = TwilioSignature.Compute(token, DndApp.PublicBaseUrl + url, signed);
        var headers = new List<(string, string)>(noise);
        switch (signing)
        {
            case 0 or 1: headers.Add(("X-Twilio-Signature", signature)); break;
            case 2: headers.Add(("X-Twilio-Signature", "garbage")); break;
            case 4: headers.Add(("X-Twilio-Signature", TwilioSignature.Compute(token, DndApp.PublicBaseUrl + path, signed))); break;
            case 5: headers.Add(("X-Twilio-Signature", signature)); headers.Add(("X-Twilio-Signature", "second")); break;
        }
        var label = $"twilio {hook} {encoding}{(encoding == Encoding.BrokenMultipart ? "/" + damage : "")} signing={signing}";
        var sid = fields.FirstOrDefault(f => f.Key is "MessageSid").Value;
        return new FuzzRequest("POST", op.Route, url, headers, contentType, body, target.Account,
            new Dictionary<string, string> { ["accountId"] = target.Id }, label)
        {
            Remember = sid is null ? [] : [("twilioSid", sid)],
        };
    }
}
