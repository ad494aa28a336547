using System.Text;
using System.Text.Json;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Posts webhooks the way Meta does: JSON, signed with X-Hub-Signature-256 over the raw body with the app secret.</summary>
public static class MetaWebhook
{
    public static async Task<HttpResponseMessage> PostAsync(DndApp app, string accountId, string body, string? appSecret, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/meta/{accountId}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null || appSecret is not null)
        {
            request.Headers.Add(MetaSignature.Header, signature ?? MetaSignature.Compute(appSecret!, Encoding.UTF8.GetBytes(body)));
        }
        return await app.CreateClient().SendAsync(request);
    }

    public static string WhatsApp(string phoneDigits, string text, string? wamid = null) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            contacts = new[] { new { wa_id = phoneDigits, profile = new { name = "Kerry" } } },
                            messages = new[] { new { from = phoneDigits, id = wamid ?? "wamid." + Guid.NewGuid().ToString("N"), timestamp = "1700000000", type = "text", text = new { body = text } } },
                        },
                    },
                },
            },
        },
    });

    /// <summary>WhatsApp's status of a message we sent (wamid) to <paramref name="phoneDigits"/>; a failure carries Meta's error code.</summary>
    public static string Status(string wamid, string phoneDigits, string status, int? errorCode = null) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        field = "messages",
                        value = new
                        {
                            messaging_product = "whatsapp",
                            statuses = new[]
                            {
                                new
                                {
                                    id = wamid, status, timestamp = "1700000000", recipient_id = phoneDigits,
                                    errors = errorCode is { } code
                                        ? new[] { new { code, title = "Unable to deliver the message", error_data = new { details = $"Meta error {code}" } } }
                                        : [],
                                },
                            },
                        },
                    },
                },
            },
        },
    });

    /// <param name="kind">"page" (Messenger) or "instagram".</param>
    public static string Messaging(string kind, string senderId, string text, string? mid = null, bool echo = false) => JsonSerializer.Serialize(new
    {
        @object = kind,
        entry = new[]
        {
            new
            {
                id = "1234", time = 1700000000,
                messaging = new[]
                {
                    new { sender = new { id = senderId }, recipient = new { id = "1234" }, timestamp = 1700000000, message = new { mid = mid ?? "m_" + Guid.NewGuid().ToString("N"), text, is_echo = echo } },
                },
            },
        },
    });

    public static async Task ReceiveAsync(DndApp app, string accountId, string appSecret, string body) =>
        await Http.EnsureAsync(await PostAsync(app, accountId, body, appSecret), 200);
}
