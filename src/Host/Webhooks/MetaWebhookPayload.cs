using System.Text.Json;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;

namespace Dnd.Host.Webhooks;

/// <summary>A message a contact sent through Meta. WhatsApp names them by phone (E.164), Messenger and Instagram by a page-scoped id.</summary>
/// <param name="Platform">"whatsapp", or <see cref="ScopedIdPlatforms"/> for Messenger and Instagram.</param>
public sealed record MetaInbound(string Platform, string MessageId, string From, string Text)
{
    public const string WhatsApp = "whatsapp";

    /// <summary>Instagram DMs are the FB channel (see <see cref="Dnd.Crm.Integrations.IntegrationProviders.Channels"/>).</summary>
    public Channel Channel => Platform == WhatsApp ? Channel.WhatsApp : Channel.Fb;
}

/// <summary>WhatsApp's report on a message we sent (wamid): sent, delivered, read or failed, with Meta's error code when failed.</summary>
/// <param name="Recipient">The number it was sent to (recipient_id, E.164), or null when Meta named none we can read.</param>
public sealed record MetaStatus(string MessageId, string Status, string? ErrorCode, string? Recipient);

/// <summary>
/// One delivery of Meta's webhook, read whole before anything is applied (a malformed part refuses all of it):
/// WhatsApp Cloud (<c>object: whatsapp_business_account</c>, <c>entry[].changes[].value.messages[]</c> and
/// <c>statuses[]</c>), Messenger (<c>object: page</c>) and Instagram (<c>object: instagram</c>), both
/// <c>entry[].messaging[]</c>. Our own messages echoed back, reads, deliveries and reactions are not the contact
/// speaking and are left out.
/// </summary>
public sealed record MetaWebhookPayload(IReadOnlyList<MetaInbound> Messages, IReadOnlyList<MetaStatus> Statuses)
{
    /// <returns>Null and the reason when the body is not a payload we can read.</returns>
    public static (MetaWebhookPayload? Payload, string? Error) Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "object") is not { } kind)
            {
                return (null, "The body must be a JSON object naming its object (whatsapp_business_account, page or instagram).");
            }
            var (messages, statuses) = (new List<MetaInbound>(), new List<MetaStatus>());
            foreach (var entry in Array(root, "entry"))
            {
                var error = kind switch
                {
                    "whatsapp_business_account" => WhatsApp(entry, messages, statuses),
                    "page" => Messaging(entry, ScopedIdPlatforms.Messenger, messages),
                    "instagram" => Messaging(entry, ScopedIdPlatforms.Instagram, messages),
                    // Another subscription's news (a page's feed, permissions): nothing about messages.
                    _ => null,
                };
                if (error is not null)
                {
                    return (null, error);
                }
            }
            return (new MetaWebhookPayload(messages, statuses), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (null, $"The body is not Meta's webhook JSON: {e.Message}");
        }
    }

    private static string? WhatsApp(JsonElement entry, List<MetaInbound> messages, List<MetaStatus> statuses)
    {
        foreach (var change in Array(entry, "changes").Where(c => Text(c, "field") == "messages"))
        {
            var value = change.GetProperty("value");
            foreach (var message in Array(value, "messages"))
            {
                var (id, from) = (Text(message, "id"), Text(message, "from"));
                var phone = Phone(from);
                if (!Id(id) || phone is null)
                {
                    return "Each WhatsApp message needs its id (wamid, at most 1024 characters) and from (the sender's phone number).";
                }
                // A button or list reply is what the contact tapped: a "STOP" quick reply opts out like the typed word.
                var text = Text(message, "text", "body") ?? Text(message, "button", "text") ?? Text(message, "interactive", "button_reply", "title")
                    ?? Text(message, "interactive", "list_reply", "title");
                if (text is not null)
                {
                    messages.Add(new MetaInbound(MetaInbound.WhatsApp, id!, phone, text));
                }
            }
            foreach (var status in Array(value, "statuses"))
            {
                var (id, state) = (Text(status, "id"), Text(status, "status"));
                if (!Id(id) || state is not { Length: > 0 and <= 64 })
                {
                    return "Each WhatsApp status needs its message id and status.";
                }
                var code = Array(status, "errors").Select(e => e.TryGetProperty("code", out var c) ? c.ToString() : null).FirstOrDefault(c => c is { Length: <= 64 });
                statuses.Add(new MetaStatus(id!, state, code, Phone(Text(status, "recipient_id"))));
            }
        }
        return null;
    }

    private static string? Messaging(JsonElement entry, string platform, List<MetaInbound> messages)
    {
        foreach (var item in Array(entry, "messaging"))
        {
            if (!item.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object ||
                message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                continue;
            }
            var (id, from) = (Text(message, "mid"), Text(item, "sender", "id"));
            if (!Id(id) || !Id(from))
            {
                return $"Each {platform} message needs its mid and sender.id (at most 1024 characters).";
            }
            if (Text(message, "text") is { } text)
            {
                messages.Add(new MetaInbound(platform, id!, from!, text));
            }
        }
        return null;
    }

    /// <summary>WhatsApp sends numbers as digits without the +, always international.</summary>
    private static string? Phone(string? digits) => digits is null ? null : Addresses.Phone("+" + digits.TrimStart('+'), "ZZ");

    private static bool Id(string? id) => id is { Length: > 0 and <= ApiLimits.TextLength };

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
