using Dnd.Host.Api.Contacts;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Rules.Policy;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Messaging;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Webhooks;

/// <summary>Twilio inbound SMS/WhatsApp, message status callbacks and inbound voice, each signature-checked and idempotent.</summary>
public static class TwilioWebhooks
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/webhooks/twilio/{accountId}").WithTags("Webhooks").DisableAntiforgery();
        twilio.MapPost("/sms", InboundMessageAsync);
        twilio.MapPost("/status", StatusAsync);
        twilio.MapPost("/voice", VoiceAsync);
    }

    private static async Task<IResult> InboundMessageAsync(string accountId, HttpRequest request, DndDbContext db, ConsentService consent,
        SuppressionList suppressions, InboundReplies replies, WorkSignal signal, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var (channel, from) = Sender(form.GetValueOrDefault("From"));
        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        if (from is null || string.IsNullOrEmpty(sid))
        {
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "From and MessageSid are required.");
        }
        var body = form.GetValueOrDefault("Body") ?? "";
        ContactRecord contact;
        bool isKeyword;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await WebhookIdempotency.TryClaimAsync(db, account!.Id, $"twilio:message:{sid}", clock.GetUtcNow(), ct))
            {
                return Twiml(EmptyTwiml);
            }
            contact = await FindOrCreateByPhoneAsync(db, account.Id, from, clock, ct);
            await suppressions.RestoreAsync(contact, ct);
            db.Messages.Add(new MessageRecord
            {
                Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, ContactId = contact.Id, Channel = channel.ToWire(),
                Direction = "inbound", Status = contact.InboundDnd ? "blocked-inbound-dnd" : "received", Body = body, CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            // Opt-out keywords are honoured even under inbound DND: the law cares that STOP works, not how we file it.
            var decision = await consent.ApplyAsync(account.Id, contact.Id, new InboundMessageEvent(channel, body), ct);
            isKeyword = decision.Classification.Kind != ChangeKind.None;
            await tx.CommitAsync(ct);
        }
        signal.Pulse();
        // STOP or START is a consent change, not an answer: it must not send a waiting workflow down its Replied path.
        if (!contact.InboundDnd && !isKeyword)
        {
            await replies.ResumeAsync(account!.Id, contact.Id, channel.ToWire(), body, ct);
        }
        return Twiml(EmptyTwiml);
    }

    private static async Task<IResult> StatusAsync(string accountId, HttpRequest request, DndDbContext db, ConsentService consent,
        WorkSignal signal, TimeProvider clock, IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var sid = form.GetValueOrDefault("MessageSid") ?? form.GetValueOrDefault("SmsSid");
        var status = form.GetValueOrDefault("MessageStatus") ?? form.GetValueOrDefault("SmsStatus");
        var (_, to) = Sender(form.GetValueOrDefault("To"));
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(status) || to is null)
        {
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "MessageSid, MessageStatus and To are required.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await WebhookIdempotency.TryClaimAsync(db, account!.Id, $"twilio:status:{sid}:{status}", clock.GetUtcNow(), ct))
        {
            return Results.Ok(new { duplicate = true });
        }
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.AccountId == account.Id && c.Phone == to, ct);
        string? explanation = null;
        if (contact is not null)
        {
            var decision = await consent.ApplyAsync(account.Id, contact.Id, new TwilioSmsStatusEvent(status, form.GetValueOrDefault("ErrorCode")), ct);
            explanation = decision.Explanation;
        }
        await tx.CommitAsync(ct);
        signal.Pulse();
        return Results.Ok(new { contactId = contact?.Id, explanation });
    }

    /// <summary>Inbound calls from a contact with inbound DND are rejected as busy.</summary>
    private static async Task<IResult> VoiceAsync(string accountId, HttpRequest request, DndDbContext db, TimeProvider clock,
        IOptions<MessagingOptions> messaging, CancellationToken ct)
    {
        var (account, form, rejected) = await VerifyAsync(accountId, request, db, messaging.Value, ct);
        if (rejected is not null)
        {
            return rejected;
        }
        var (_, from) = Sender(form.GetValueOrDefault("From"));
        var contact = from is null ? null : await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == account!.Id && c.Phone == from, ct);
        var blocked = contact?.InboundDnd == true;
        if (contact is not null && form.GetValueOrDefault("CallSid") is { Length: > 0 } callSid &&
            await WebhookIdempotency.TryClaimAsync(db, account!.Id, $"twilio:call:{callSid}", clock.GetUtcNow(), ct))
        {
            db.Messages.Add(new MessageRecord
            {
                Id = Guid.NewGuid().ToString("N"), AccountId = account.Id, ContactId = contact.Id, Channel = Channel.Call.ToWire(),
                Direction = "inbound", Status = blocked ? "blocked-inbound-dnd" : "received", Body = $"call {callSid}", CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        return Twiml(blocked
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Reject reason=\"busy\"/></Response>"
            : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Thank you for calling. Please hold.</Say></Response>");
    }

    private static async Task<(AccountRecord? Account, Dictionary<string, string> Form, IResult? Rejected)> VerifyAsync(
        string accountId, HttpRequest request, DndDbContext db, MessagingOptions messaging, CancellationToken ct)
    {
        var account = await WebhookAccounts.FindAsync(db, accountId, ct);
        if (account is null)
        {
            return (null, [], WebhookAccounts.UnknownAccount(accountId));
        }
        if (!request.HasFormContentType)
        {
            return (account, [], Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Twilio posts application/x-www-form-urlencoded."));
        }
        var form = (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString());
        var url = messaging.PublicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        if (string.IsNullOrEmpty(account.TwilioAuthToken) ||
            !TwilioSignature.IsValid(account.TwilioAuthToken, url, form, request.Headers["X-Twilio-Signature"]))
        {
            return (account, form, WebhookAccounts.Forbidden("X-Twilio-Signature does not match this request."));
        }
        return (account, form, null);
    }

    /// <summary>Twilio prefixes WhatsApp (and Messenger) addresses: "whatsapp:+1555...", "messenger:...".</summary>
    private static (Channel Channel, string? Phone) Sender(string? address) => address switch
    {
        null => (Channel.Sms, null),
        _ when address.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) => (Channel.WhatsApp, PhoneNumbers.Normalize(address["whatsapp:".Length..])),
        _ => (Channel.Sms, PhoneNumbers.Normalize(address)),
    };

    private static async Task<ContactRecord> FindOrCreateByPhoneAsync(DndDbContext db, string accountId, string phone, TimeProvider clock, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Phone == phone, ct);
        if (contact is not null)
        {
            return contact;
        }
        contact = ContactRecord.Create(accountId, clock.GetUtcNow(), "inbound message");
        contact.Phone = phone;
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private static IResult Twiml(string xml) => Results.Content(xml, "application/xml");
}
