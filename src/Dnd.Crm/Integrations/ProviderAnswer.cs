using System.Net;
using System.Text.Json;

namespace Dnd.Crm.Integrations;

/// <summary>A provider's error response in words: its status and what its body says (Twilio's code and message, Mailgun's message).</summary>
public static class ProviderAnswer
{
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
