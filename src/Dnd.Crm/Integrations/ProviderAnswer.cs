using System.Net;
using System.Text.Json;

namespace Dnd.Crm.Integrations;

/// <summary>A provider's error response in words: its status and what its body says (Twilio's code and message, Mailgun's message, Meta's error).</summary>
public static class ProviderAnswer
{
    /// <summary>The type of Meta's error for a token it does not accept (code 190), as its words say it.</summary>
    public const string MetaTokenError = "OAuthException";

    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var said = body.Length > 300 ? body[..300] : body;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var code = root.TryGetProperty("code", out var c) ? $" {c}" : "";
                said = root.TryGetProperty("message", out var m) ? $"{m.GetString()}{(code.Length > 0 ? $" (code{code})" : "")}" : said;
                // Meta: {"error": {"message", "type", "code", "fbtrace_id"}}, all quoted so support can trace it.
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    string Part(string name) => error.TryGetProperty(name, out var p) ? p.ToString() : "";
                    said = $"{Part("message")} ({Part("type")}, code {Part("code")}, fbtrace_id {Part("fbtrace_id")})";
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (Mailgun answers a bad key with plain "Forbidden"): the text as it came.
        }
        var retry = response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } after
            ? $"; retry after {after.TotalSeconds:0} s" : "";
        return $"{(int)response.StatusCode} {response.ReasonPhrase}: {said.Trim()}{retry}";
    }
}
