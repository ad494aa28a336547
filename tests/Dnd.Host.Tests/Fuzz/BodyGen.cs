using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Request bodies as bytes with their content type: the schema's JSON, that JSON broken at the text level
/// (truncated, nested past any limit, over 4 MB, invalid UTF-8), or sent under the wrong content type.
/// </summary>
public static class BodyGen
{
    public const string Json = "application/json";

    public static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=broken", "multipart/form-data",
        "application/xml", "application/json; charset=klingon", "application/json; charset=utf-16", "application/octet-stream",
        "*/*", "application/merge-patch+json", ";;;", "application/json, text/plain", "application/", "json",
        "application/json; boundary=\"", "text/json",
    ];

    public static Gen<string?> ContentType(bool fault) => fault
        ? G.Freq((1, G.Const<string?>(null)), (6, G.Pick(WrongContentTypes).Select(t => (string?)t)))
        : G.Pick<string?>(Json, Json, "application/json; charset=utf-8", "application/problem+json");

    /// <summary>Text-level damage to a JSON document, or a body that is not JSON at all.</summary>
    public static Gen<byte[]> Mangle(string json) => G.Freq(
        (3, G.Int(0, Math.Max(0, json.Length - 1)).Select(n => Utf8(json[..n]))),
        (2, G.Pick(json + "}", json + ",", json + " garbage", "\uFEFF" + json, "[" + json + "]", json + json, json.Replace("\"", "'"),
            "/* c */" + json, json.Replace(":", ":NaN,\"x\":", StringComparison.Ordinal)).Select(Utf8)),
        (3, G.Pick("", " ", "null", "[]", "\"str\"", "0", "{", "}", "{\"a\":1,}", "{\"a\":NaN}", "a=1&b=2", "<xml/>", "\u0000",
            "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00\"}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":-}", "{\"a\":1e}").Select(Utf8)),
        (2, Hostile.Deep(G.Pick(65, 1000, 100_000)).Select(Utf8)),
        (1, G.Lazy(() => Utf8("[" + string.Join(",", Enumerable.Repeat("null", 100_000)) + "]"))),
        (1, G.Lazy(() => InvalidUtf8(json))),
        (1, G.Lazy(() => Encoding.Unicode.GetBytes(json))),
        (1, G.Lazy(OverLimit)));

    /// <summary>The document's top-level members as a form (non-strings as their JSON text): a form where JSON is expected.</summary>
    public static byte[] AsForm(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Utf8(json);
            }
            return Utf8(UrlText.Form(doc.RootElement.EnumerateObject().Select(p =>
                (p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))));
        }
        catch (JsonException)
        {
            return Utf8(json);
        }
    }

    /// <summary>A syntactically fine JSON body past 4 MB, for the body-size limits.</summary>
    public static byte[] OverLimit() => Utf8("{\"firstName\":\"" + new string('x', Hostile.OverLimitLength) + "\",\"name\":\"big\"}");

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Bytes that are not UTF-8 spliced into the middle of the document.</summary>
    private static byte[] InvalidUtf8(string json)
    {
        var bytes = Utf8(json).ToList();
        bytes.InsertRange(bytes.Count / 2, new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 });
        return bytes.ToArray();
    }
}
