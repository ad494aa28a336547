using Microsoft.OpenApi;
using static Dnd.Host.OpenApi.OpenApiSchemas;

namespace Dnd.Host.OpenApi;

/// <summary>
/// The bodies providers post to the webhooks. The handlers read the raw request (its bytes are hashed and signed),
/// so nothing in their signatures tells the generator these shapes: they are written out here from the fields the
/// handlers read. Providers send more fields than these; unknown fields are ignored.
/// </summary>
internal static class WebhookSchemas
{
    public const string TwilioInboundMessage = "TwilioInboundMessage";
    public const string TwilioMessageStatus = "TwilioMessageStatus";
    public const string TwilioVoiceCall = "TwilioVoiceCall";
    public const string MailgunWebhook = "MailgunWebhook";
    public const string OneClickUnsubscribe = "OneClickUnsubscribe";
    public const string TextUnsubscribe = "TextUnsubscribe";

    public static OpenApiSchema Create(string id)
    {
        var schema = Describe(id);
        // Twilio's older field names are accepted in place of the current ones.
        schema.AllOf = id switch
        {
            TwilioInboundMessage => [EitherRequired("MessageSid", "SmsSid")],
            TwilioMessageStatus => [EitherRequired("MessageSid", "SmsSid"), EitherRequired("MessageStatus", "SmsStatus")],
            _ => null,
        };
        return schema;
    }

    private static OpenApiSchema EitherRequired(string current, string older) => new()
    {
        AnyOf = [new OpenApiSchema { Required = new HashSet<string> { current } }, new OpenApiSchema { Required = new HashSet<string> { older } }],
    };

    private static OpenApiSchema Describe(string id) => id switch
    {
        TwilioInboundMessage => Object("An inbound SMS or WhatsApp message (Twilio's messaging webhook). Requires From and " +
                                       "MessageSid (or SmsSid); a MessageSid seen before changes nothing.",
            new()
            {
                ["MessageSid"] = String("Twilio's message id (SM...): the idempotency key."),
                ["SmsSid"] = String("Older name of MessageSid, used when MessageSid is absent."),
                ["From"] = String("The sender in E.164 (+15555550123), or whatsapp:+15555550123 for WhatsApp."),
                ["To"] = String("The account's number the message was sent to."),
                ["Body"] = String("The message text. A lone opt-out keyword (STOP, UNSUBSCRIBE, ...) or opt-in keyword (START, ...) " +
                                  "changes DND; any other text can answer a workflow's Wait for reply."),
                ["OptOutType"] = String("Twilio Advanced Opt-Out's classification of the message; outranks the body.", "STOP", "START", "HELP"),
            }, "From"),
        TwilioMessageStatus => Object("A message status callback. ErrorCode 30003/30005/30006 sets temporary SMS DND, 30004 and " +
                                      "21610 permanent; each (MessageSid, MessageStatus) is applied once.",
            new()
            {
                ["MessageSid"] = String("The message's id (SM...)."),
                ["SmsSid"] = String("Older name of MessageSid, used when MessageSid is absent."),
                ["MessageStatus"] = String("queued, sent, delivered, undelivered, failed, ..."),
                ["SmsStatus"] = String("Older name of MessageStatus, used when MessageStatus is absent."),
                ["To"] = String("The recipient in E.164: the address whose consent the status is about."),
                ["From"] = String("The account's sending number."),
                ["ErrorCode"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Integer,
                    Description = "Twilio's error code when the message failed, e.g. 30003 (unreachable) or 21610 (recipient replied STOP).",
                },
            }, "To"),
        TwilioVoiceCall => Object("An inbound call. A caller with inbound DND is rejected as busy.",
            new()
            {
                ["CallSid"] = String("Twilio's call id (CA...): the idempotency key of the call's log entry."),
                ["From"] = String("The caller in E.164."),
                ["To"] = String("The account's number that was called."),
            }),
        MailgunWebhook => Object("Mailgun's event webhook: failed (with severity and reason), unsubscribed or complained.",
            new()
            {
                ["signature"] = Object("Mailgun's signature over timestamp + token (see the mailgunSignature scheme).", new()
                {
                    ["timestamp"] = String("Unix seconds; within 15 minutes of the server's clock."),
                    ["token"] = String("A random token; bound to the first body it was seen with."),
                    ["signature"] = String("hex(HMAC-SHA256(signing key, timestamp + token))."),
                }, "timestamp", "token", "signature"),
                ["event-data"] = Object("The event.", new()
                {
                    ["id"] = String("Mailgun's event id: a redelivery changes nothing."),
                    ["event"] = String("failed, unsubscribed, complained, delivered, ..."),
                    ["severity"] = String("For failed: permanent or temporary."),
                    ["reason"] = String("For failed: bounce, suppress-bounce, suppress-unsubscribe, suppress-complaint, generic, ..."),
                    ["recipient"] = String("The email address the event is about."),
                }, "id", "event", "recipient"),
            }, "signature", "event-data"),
        OneClickUnsubscribe => Object("RFC 8058 one-click unsubscribe: what a mail client posts to the List-Unsubscribe URL. " +
                                      "The token in the path is what unsubscribes; the body may be empty.",
            new()
            {
                ["List-Unsubscribe"] = String("Always One-Click.", "One-Click"),
            }),
        TextUnsubscribe => Object("The choice on a text's unsubscribe page. The token in the path says whose link it is.",
            new()
            {
                ["stop"] = String("SMS (stop texts) or everything (every channel).", "SMS"),
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    public static OpenApiSchemaReference Reference(string id, OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(id, Create(id));
        return new OpenApiSchemaReference(id, document);
    }
}
