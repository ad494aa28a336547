using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Meaningful values for fields the OpenAPI document types only as "string": a schema says a phone is a string,
/// not which strings the server accepts. Keyed by "Schema.property" or just "property", answering JSON text.
/// Without these the "valid" requests would almost all be 4xx and the success paths would go unfuzzed.
/// </summary>
public static class ValueHints
{
    public static readonly string[] Channels = ["SMS", "Email", "WhatsApp", "FB", "GMB", "Call"];
    private static readonly string[] RequiredOptOut = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"];

    /// <summary>JSON text for a named field, or null when the name says nothing beyond the schema.</summary>
    public static Gen<string>? For(string? schema, string? property, RequestContext ctx)
    {
        if (property is null)
        {
            return null;
        }
        var qualified = schema is null ? null : $"{schema}.{property}";
        return qualified switch
        {
            "WorkflowDefinition.id" => Str(G.Const(ctx.Path.GetValueOrDefault("workflowId") ?? ctx.Fresh)),
            "CreateAccountRequest.id" => Str(G.Const($"fz-acct-{ctx.Case}")),
            "InboundDndSettingDto.status" => Str(G.Pick("active", "inactive")),
            _ => ByName(property, ctx),
        };
    }

    /// <summary>Keys for a map-shaped field (additionalProperties), e.g. dndSettings is keyed by channel.</summary>
    public static Gen<string> KeyFor(string? property) => property switch
    {
        "dndSettings" => G.Pick(Channels),
        _ => G.Alnum(1, 10),
    };

    private static Gen<string>? ByName(string property, RequestContext ctx) => property switch
    {
        "email" => Str(Email(ctx)),
        "phone" => Str(Phone(ctx)),
        "firstName" or "lastName" or "name" or "companyName" => Str(G.Pick("Ada", "Grace", "Linus", "Zoë", "O'Brien", "李")),
        "source" => Str(G.Const("fuzz")),
        "tags" => Arr(G.Many(G.Pick("vip", "lead", "fuzz", "customer"), 0, 3)),
        "tag" => Str(G.Pick("vip", "lead", "fuzz")),
        "locationId" => Str(G.Const(ctx.Account.Id)),
        "contactId" => Str(G.PickOr(ctx.Pool("contactId"), G.Const("no-such-contact"))),
        "type" or "channel" or "excludeDndChannel" => Str(G.Pick(Channels)),
        "keywordChannels" => Arr(G.Many(G.Pick(Channels), 0, 3)),
        "status" => Str(G.Pick("active", "inactive", "permanent")),
        "message" or "subject" or "html" or "body" => Str(G.Pick("Hi {{ contact.first_name }}", "Hello", "See you soon")),
        "unsubscribeScope" => Str(G.Pick("EmailOnly", "AllChannels")),
        "defaultRegion" => Str(G.Pick("US", "GB", "DE", "FR")),
        "sendCapPerHour" => G.Int(1, 1000).Select(n => n.ToString()),
        "optOutKeywords" => Arr(G.Many(G.Pick("HALT", "OPTOUT"), 0, 2).Select(extra => RequiredOptOut.Concat(extra).ToList())),
        "optInKeywords" => Arr(G.Many(G.Pick("START", "UNSTOP", "YES"), 0, 3).Select(l => l.Distinct().ToList())),
        "field" => Str(G.Pick("dnd", "tags", "email", "phone", "firstName", "lastName", "dndSettings.SMS.status", "dndSettings.Email.status")),
        "operator" => Str(G.Pick("eq", "not_eq", "contains", "not_contains")),
        "value" => G.Pick("\"active\"", "\"vip\"", "true", "false", "\"permanent\"", "\"ada\""),
        "query" => Str(G.Pick("", "Ada", "example.com", "555")),
        "page" => G.Int(1, 3).Select(n => n.ToString()),
        "pageLimit" => G.Int(1, 100).Select(n => n.ToString()),
        "version" => G.Int(1, 3).Select(n => n.ToString()),
        "twilioAuthToken" or "mailgunSigningKey" => Str(G.Alnum(8, 24)),
        _ => null,
    };

    /// <summary>Known addresses half the time, so duplicates, upserts and address consent are exercised.</summary>
    public static Gen<string> Email(RequestContext ctx) => G.Freq(
        (3, G.PickOr(ctx.Pool("address").Where(a => a.Contains('@')).ToList(), G.Const($"{ctx.Fresh}@example.com"))),
        (3, G.Int(0, 9999).Select(n => $"{ctx.Fresh}-{n}@example.com")),
        (1, G.Int(0, 9).Select(n => $"shared{n}@example.com")));

    /// <summary>Fictional 555 numbers from a small range, so the same phone comes back to different requests.</summary>
    public static Gen<string> Phone(RequestContext ctx) => G.Freq(
        (3, G.PickOr(ctx.Pool("address").Where(a => a.StartsWith('+')).ToList(), G.Const("+15550100000"))),
        (3, G.Int(100000, 100060).Select(n => $"+1555{n:D7}")));

    private static Gen<string> Str(Gen<string> raw) => raw.Select(JsonText.Str);

    private static Gen<string> Arr(Gen<List<string>> raw) => raw.Select(items => JsonText.Arr(items.Select(JsonText.Str)));
}
