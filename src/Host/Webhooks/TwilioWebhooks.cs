using Dnd.Activities.Persistence;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Rules.Engine;
using Dnd.Crm.Templates;
using Dnd.Rules.Data;
using System.Security;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Webhooks;

/// <summary>Twilio inbound SMS/WhatsApp, message status callbacks and inbound voice, each signature-checked and idempotent.</summary>
public static class TwilioWebhooks
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private const string TwimlType = "application/xml";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/webhooks/twilio/{accountId}").WithTags("Webhooks").DisableAntiforgery()
            .WithBodyLimit(ApiLimits.WebhookBodyBytes)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        // TwiML: an empty <Response/> (nothing to say back), or for voice a <Reject/> or a <Say/>.
        twilio.MapPost("/sms", InboundMessageAsync).Produces<string>(StatusCodes.Status200OK, TwimlType);
        twilio.MapPost("/status", StatusAsync);
        twilio.MapPost("/voice", VoiceAsync).Produces<string>(StatusCodes.Status200OK, TwimlType);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> InboundMessageAsync(string accountId, HttpRequest request,
        AccountCache accounts, DndWorkflowWrites writes, InboundReplies replies, TemplateRenderer templates,
        TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, accounts, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var (channel, from) = Sender(form.GetValueOrDefault("From"));
        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        // Ids are kept as idempotency keys: one longer than any Twilio sends is not Twilio's.
        if (from is null || string.IsNullOrEmpty(sid) || sid.Length > ApiLimits.TextLength)
        {
            return WebhookAccounts.BadRequest("From (a phone number) and MessageSid are required.");
        }
        var body = form.GetValueOrDefault("Body") ?? "";
        // Opt-out keywords are honoured even under inbound DND: the law cares that STOP works, not how we file it.
        var optOutType = form.GetValueOrDefault("OptOutType") is { Length: > 0 } type ? type : null;
        var received = await ReceiveAsync();
        if (received is null)
        {
            // A number we have never seen: its contact is made first (an ordinary contact write), then the message is applied to it.
            await InboundContacts.EnsurePhoneAsync(request.HttpContext.RequestServices, account!, from, clock.GetUtcNow(), ct);
            received = await ReceiveAsync() ?? throw new InvalidOperationException($"The contact made for {from} is gone.");
        }
        // STOP or START is a consent change, not an answer: it must not send a waiting workflow down its Replied path.
        if (received.Value.AwaitsReply)
        {
            await replies.ResumeAsync(account!.Id, received.Value.ContactId, channel.ToWire(), body, ct);
        }
        // The account's answer to STOP (the one confirmation allowed after an opt-out) or HELP, unless Twilio's
        // Advanced Opt-Out classed the message, which then answers it itself.
        return received.Value is { Reply: { } reply }
            ? Twiml($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{SecurityElement.Escape(reply)}</Message></Response>")
            : Twiml(EmptyTwiml);

        // Null when no contact has the number (nothing is written then).
        // A workflow write: whether a workflow awaits the reply is read in the same write as the message it answers.
        Task<(string ContactId, bool AwaitsReply, string? Reply)?> ReceiveAsync() => writes.RunAsync(account!.Id, async write =>
        {
            var (consent, rows) = (write.Consent, write.Consent.Rows);
            if ((await rows.ContactsWithAddressAsync(account.Id, AddressKind.Phone, from, ct)).FirstOrDefault() is not { } contact)
            {
                return null;
            }
            var now = clock.GetUtcNow();
            if (await WebhookIdempotency.ClaimAsync(rows, account.Id, "twilio-message", sid, null, now, ct) != WebhookIdempotency.Claim.New)
            {
                return ((string, bool, string?)?)(contact.Id, false, null);
            }
            var (_, decision) = await InboundTexts.ReceiveAsync(consent, account, contact, channel, body, optOutType, $"contact's reply, twilio message {sid}",
                request.HttpContext.Connection.RemoteIpAddress?.ToString(), now, ct);
            // A message Twilio classed as STOP, START or HELP, or one that may be an opt-out, is about the conversation, not an answer in it.
            var isKeyword = decision.Classification.Kind != ChangeKind.None || optOutType is not null;
            return (contact.Id, !contact.InboundDnd && !isKeyword && await write.Workflows.AwaitsReplyAsync(account.Id, contact.Id, channel.ToWire(), ct),
                optOutType is null ? Answer(contact, decision, now) : null);

            // The opt-out's one confirmation, or HELP's answer while the channel is open; after an opt-out nothing else is ever sent there.
            string? Answer(ContactRecord contact, ConsentDecision decision, DateTimeOffset now)
            {
                var texts = account.Compliance;
                if (OptOutConfirmation.Owed(decision, channel, texts) is { } optOut)
                {
                    var text = templates.Render(texts.OptOutReply, contact, account: account.Sender.Account);
                    OptOutConfirmation.Record(rows, contact, channel, text, optOut.At, optOut.Sequence, MessageStatus.Sent, now);
                    return text;
                }
                return Reachability.BlockedReason(contact, channel) is null && ComplianceSettings.HelpKeywords.Contains(KeywordNormalizer.Normalize(body))
                    ? templates.Render(texts.HelpReply, contact, account: account.Sender.Account)
                    : null;
            }
        }, ct);
    }

    private static async Task<Results<Ok<WebhookDecisionResponse>, ProblemHttpResult>> StatusAsync(string accountId, HttpRequest request,
        AccountCache accounts, ConsentWrites consentWrites, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, accounts, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        var status = form.GetValueOrDefault("MessageStatus") ?? form.GetValueOrDefault("SmsStatus");
        var (_, to) = Sender(form.GetValueOrDefault("To"));
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status) || sid.Length + status.Length > ApiLimits.TextLength || to is null)
        {
            return WebhookAccounts.BadRequest("MessageSid, MessageStatus and To (a phone number) are required.");
        }
        var evt = new TwilioSmsStatusEvent(status, form.GetValueOrDefault("ErrorCode"))
        {
            ActedBy = $"twilio status {status} of message {sid}", ClientIp = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        var errorCode = form.GetValueOrDefault("ErrorCode") is { Length: > 0 and <= ApiLimits.TextLength } code ? code : null;
        var decisions = await consentWrites.RunAsync(account!.Id, async consent =>
        {
            // Each status of a message (queued, sent, failed...) is its own callback with the same MessageSid.
            if (await WebhookIdempotency.ClaimAsync(consent.Rows, account.Id, "twilio-status", $"{sid}:{status}", null, clock.GetUtcNow(), ct) != WebhookIdempotency.Claim.New)
            {
                return null;
            }
            // The message we sent, found by Twilio's id for it (nothing when it is not one of ours).
            await consent.Rows.ProviderReportedAsync(account.Id, sid, null, status, errorCode, ct);
            return await consent.ApplyToAddressAsync(account.Id, AddressKind.Phone, to, evt, account.Settings, ct);
        }, ct);
        return TypedResults.Ok(decisions is null ? WebhookDecisionResponse.Redelivery : WebhookDecisionResponse.From(decisions));
    }

    /// <summary>Inbound calls from a contact with inbound DND are rejected as busy.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> VoiceAsync(string accountId, HttpRequest request,
        AccountCache accounts, ConsentWrites consentWrites, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, accounts, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var (_, from) = Sender(form.GetValueOrDefault("From"));
        var callSid = form.GetValueOrDefault("CallSid") is { Length: > 0 and <= ApiLimits.TextLength } id ? id : null;
        var blocked = from is not null && await consentWrites.RunAsync(account!.Id, async consent =>
        {
            var rows = consent.Rows;
            if ((await rows.ContactsWithAddressAsync(account.Id, AddressKind.Phone, from, ct)).FirstOrDefault() is not { } contact)
            {
                return false;
            }
            var now = clock.GetUtcNow();
            if (callSid is not null && await WebhookIdempotency.ClaimAsync(rows, account.Id, "twilio-call", callSid, null, now, ct) == WebhookIdempotency.Claim.New)
            {
                rows.Add(InboundTexts.Received(contact, Channel.Call, $"call {callSid}", now));
            }
            return contact.InboundDnd;
        }, ct);
        return Twiml(blocked
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject reason=\"busy\"/></Response>"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Thank you for calling. Please hold.</Say></Response>");
    }

    private static async Task<(CachedAccount? Account, Dictionary<string, string> Form, ProblemHttpResult? Rejected)> VerifyAsync(
        string accountId, HttpRequest request, AccountCache accounts, MessagingOptions messaging, CancellationToken ct)
    {
        var account = await accounts.FindAsync(request.HttpContext.RequestServices, accountId, ct);
        if (account is null)
        {
            return (null, [], WebhookAccounts.UnknownAccount(accountId));
        }
        var read = await TwilioRequestReader.ReadAsync(request, messaging.PublicBaseUrl, account.TwilioAuthToken ?? "", ct);
        return (account, read.Fields, read.Rejected);
    }

    /// <summary>Twilio prefixes WhatsApp (and Messenger) addresses: "whatsapp:+1555...", "messenger:...".</summary>
    private static (Channel Channel, string? Phone) Sender(string? address) => address switch
    {
        null => (Channel.Sms, null),
        _ when address.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) => (Channel.WhatsApp, E164(address["whatsapp:".Length..])),
        _ => (Channel.Sms, E164(address)),
    };

    /// <summary>Twilio sends E.164, so no region is needed; anything else is not a number we can match.</summary>
    private static string? E164(string raw) => raw.TrimStart().StartsWith('+') ? Addresses.Phone(raw, "ZZ") : null;

    private static ContentHttpResult Twiml(string xml) => TypedResults.Content(xml, TwimlType);
}
