using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Contacts;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> InboundMessageAsync(string accountId, HttpRequest request, DndDbContext db,
        AccountWrites writes, AccountSettingsStore settings, ContactBook contacts, ConsentService consent, InboundReplies replies,
        TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
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
        ContactRecord contact;
        bool isKeyword;
        await using (var write = await writes.BeginAsync(account!.Id, ct))
        {
            var now = clock.GetUtcNow();
            if (await WebhookIdempotency.ClaimAsync(db, account.Id, "twilio-message", sid, null, now, ct) != WebhookIdempotency.Claim.New)
            {
                return Twiml(EmptyTwiml);
            }
            contact = await contacts.FindAsync(account.Id, email: null, from, ct) ?? await NewContactAsync(account.Id, from);
            db.Messages.Add(new MessageRecord
            {
                Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, ContactId = contact.Id, Channel = channel.ToWire(),
                Direction = "inbound", Status = contact.InboundDnd ? "blocked-inbound-dnd" : "received", Body = body, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            // Opt-out keywords are honoured even under inbound DND: the law cares that STOP works, not how we file it.
            var optOutType = form.GetValueOrDefault("OptOutType") is { Length: > 0 } type ? type : null;
            var decision = await consent.ApplyAsync(contact, new InboundMessageEvent(channel, body, optOutType), ct);
            // A message Twilio classed as STOP, START or HELP is about the conversation, not an answer in it.
            isKeyword = decision.Classification.Kind != ChangeKind.None || optOutType is not null;
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        // STOP or START is a consent change, not an answer: it must not send a waiting workflow down its Replied path.
        if (!contact.InboundDnd && !isKeyword)
        {
            await replies.ResumeAsync(account.Id, contact.Id, channel.ToWire(), body, ct);
        }
        return Twiml(EmptyTwiml);

        async Task<ContactRecord> NewContactAsync(string id, string phone)
        {
            var row = ContactRecord.Create(id, clock.GetUtcNow(), "inbound message");
            row.Phone = phone;
            await contacts.AddAsync(row, (await settings.ProfileAsync(id, ct)) with { AllowDuplicateContact = true }, ct);
            return row;
        }
    }

    private static async Task<Results<Ok<WebhookDecisionResponse>, ProblemHttpResult>> StatusAsync(string accountId, HttpRequest request, DndDbContext db,
        AccountWrites writes, ConsentService consent, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
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
        await using var write = await writes.BeginAsync(account!.Id, ct);
        // Each status of a message (queued, sent, failed...) is its own callback with the same MessageSid.
        if (await WebhookIdempotency.ClaimAsync(db, account.Id, "twilio-status", $"{sid}:{status}", null, clock.GetUtcNow(), ct) != WebhookIdempotency.Claim.New)
        {
            return TypedResults.Ok(WebhookDecisionResponse.Redelivery);
        }
        var decisions = await consent.ApplyToAddressAsync(account.Id, AddressKind.Phone, to,
            new TwilioSmsStatusEvent(status, form.GetValueOrDefault("ErrorCode")), ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return TypedResults.Ok(WebhookDecisionResponse.From(decisions));
    }

    /// <summary>Inbound calls from a contact with inbound DND are rejected as busy.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> VoiceAsync(string accountId, HttpRequest request, DndDbContext db,
        AccountWrites writes, ContactBook contacts, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var (_, from) = Sender(form.GetValueOrDefault("From"));
        var contact = from is null ? null : await contacts.FindAsync(account!.Id, email: null, from, ct);
        var blocked = contact?.InboundDnd == true;
        if (contact is not null && form.GetValueOrDefault("CallSid") is { Length: > 0 and <= ApiLimits.TextLength } callSid)
        {
            await using var write = await writes.BeginAsync(account!.Id, ct);
            if (await WebhookIdempotency.ClaimAsync(db, account.Id, "twilio-call", callSid, null, clock.GetUtcNow(), ct) == WebhookIdempotency.Claim.New)
            {
                db.Messages.Add(new MessageRecord
                {
                    Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, ContactId = contact.Id, Channel = Channel.Call.ToWire(),
                    Direction = "inbound", Status = blocked ? "blocked-inbound-dnd" : "received", Body = $"call {callSid}", CreatedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                await write.CommitAsync(ct);
            }
        }
        return Twiml(blocked
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject reason=\"busy\"/></Response>"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Thank you for calling. Please hold.</Say></Response>");
    }

    private static async Task<(AccountRecord? Account, Dictionary<string, string> Form, ProblemHttpResult? Rejected)> VerifyAsync(
        string accountId, HttpRequest request, DndDbContext db, MessagingOptions messaging, CancellationToken ct)
    {
        var account = await WebhookAccounts.FindAsync(db, accountId, ct);
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
