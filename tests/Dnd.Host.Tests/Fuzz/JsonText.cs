using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// Builds JSON as text rather than through a DOM, so the fuzzer can say what a serializer never would:
/// duplicated keys, numbers past double's range, lone surrogates.
/// </summary>
public static class JsonText
{
    // Relaxed so non-ASCII reaches the server as raw UTF-8, the way most clients send it.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string Null = "null";

    public static string Str(string value) => JsonSerializer.Serialize(value, Relaxed);

    public static string Obj(IEnumerable<(string Key, string Json)> members) =>
        "{" + string.Join(",", members.Select(m => Str(m.Key) + ":" + m.Json)) + "}";

    public static string Arr(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    public static string Bool(bool value) => value ? "true" : "false";
}
