using System.Net.Http.Json;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Posts Mailgun event webhooks with a signature over timestamp + token.</summary>
public static class Mailgun
{
    public static Task<HttpResponseMessage> PostAsync(DndApp app, TestAccount account, string recipient, string evt,
        string? severity = null, string? reason = null, string? eventId = null, string? token = null, string? key = null, DateTimeOffset? signedAt = null,
        IReadOnlyDictionary<string, string>? userVariables = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();
        token ??= Guid.NewGuid().ToString("N");
        var signature = MailgunSignature.Compute(key ?? account.MailgunKey, timestamp, token);
        return app.CreateClient().PostAsJsonAsync($"/webhooks/mailgun/{account.Id}", new Dictionary<string, object?>
        {
            ["signature"] = new { timestamp, token, signature },
            ["event-data"] = new Dictionary<string, object?>
            {
                ["id"] = eventId ?? Guid.NewGuid().ToString("N"), ["event"] = evt, ["severity"] = severity, ["reason"] = reason, ["recipient"] = recipient,
                ["user-variables"] = userVariables ?? new Dictionary<string, string>(),
            },
        });
    }
}
