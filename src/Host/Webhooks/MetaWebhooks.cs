using System.Security.Cryptography;
using System.Text;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Webhooks;

/// <summary>
/// Meta's webhook for an account (WhatsApp Cloud API, Messenger, Instagram): the GET Meta subscribes with, answered
/// only for the account's verify token, and the POST of messages and statuses, taken only with a valid
/// X-Hub-Signature-256 and applied once per message id. A contact's text is read with the same opt-out rules as SMS;
/// a WhatsApp status's error code with meta-error-codes.json, as Twilio's status callbacks are.
/// </summary>
public static class MetaWebhooks
{
    // Meta batches up to a thousand changes in one delivery.
    private const int BodyBytes = ApiLimits.WebhookBodyBytes * 4;

    public static void MapMetaWebhooks(this IEndpointRouteBuilder app)
    {
        var meta = app.MapGroup("/webhooks/meta/{accountId}").WithTags("Webhooks").DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        meta.MapGet("/", Subscribe).Produces<string>(StatusCodes.Status200OK, "text/plain");
        meta.MapPost("/", ReceiveAsync).WithBodyLimit(BodyBytes).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Meta's verification request: hub.mode=subscribe with our verify token, answered with hub.challenge as it came.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Subscribe(string accountId, HttpRequest request, AccountCache accounts,
        CancellationToken ct)
    {
        if (await accounts.FindAsync(request.HttpContext.RequestServices, accountId, ct) is not { } account)
        {
            return WebhookAccounts.UnknownAccount(accountId);
        }
        var (mode, token, challenge) = (request.Query["hub.mode"].ToString(), request.Query["hub.verify_token"].ToString(), request.Query["hub.challenge"].ToString());
        if (mode != "subscribe" || account.Integrations.MetaVerifyToken is not { } expected ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Verification refused",
                detail: "hub.mode must be subscribe and hub.verify_token the Meta integration's verify token.");
        }
        return challenge is { Length: > 0 and <= ApiLimits.TextLength }
            ? TypedResults.Text(challenge, "text/plain")
            : WebhookAccounts.BadRequest("hub.challenge is required (at most 1024 characters).");
    }

    private static async Task<Results<Ok<MetaWebhookResponse>, ProblemHttpResult>> ReceiveAsync(string accountId, HttpRequest request,
        AccountCache accounts, DndWorkflowWrites writes, InboundReplies replies, TemplateRenderer templates, TimeProvider clock, CancellationToken ct)
    {
        if (await accounts.FindAsync(request.HttpContext.RequestServices, accountId, ct) is not { } account)
        {
            return WebhookAccounts.UnknownAccount(accountId);
        }
        var body = await WebhookBody.ReadAsync(request, BodyBytes, ct);
        if (body.Rejected is not null)
        {
            return body.Rejected;
        }
        var signature = request.Headers[MetaSignature.Header].ToString();
        if (signature.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing signature",
                detail: $"Meta signs every delivery with {MetaSignature.Header}; this request has none.");
        }
        if (account.Integrations.MetaAppSecret is not { } secret || !MetaSignature.IsValid(secret, body.Bytes, signature))
        {
            return WebhookAccounts.Forbidden($"{MetaSignature.Header} does not match the body signed with the Meta integration's app secret.");
        }
        var (payload, error) = MetaWebhookPayload.Parse(body.Bytes);
        if (payload is null)
        {
            return WebhookAccounts.BadRequest(error!);
        }
        var ip = request.HttpContext.Connection.RemoteIpAddress?.ToString();
        var (contactIds, duplicates) = (new List<string>(), 0);
        foreach (var message in payload.Messages)
        {
            var received = await ApplyAsync(message);
            if (received is null)
            {
                // Someone we have never heard from: made a contact (one with the number, or carrying the page-scoped id), then applied.
                await InboundContacts.EnsurePhoneAsync(request.HttpContext.RequestServices, account, message.From, clock.GetUtcNow(), ct);
                received = await ApplyAsync(message) ?? throw new InvalidOperationException($"The contact made for {message.From} is gone.");
            }
            var (contactId, applied, awaitsReply) = received.Value;
            if (!applied)
            {
                duplicates++;
                continue;
            }
            contactIds.Add(contactId);
            // STOP or START is a consent change, not an answer: it must not send a waiting workflow down its Replied path.
            if (awaitsReply)
            {
                await replies.ResumeAsync(account.Id, contactId, message.Channel.ToWire(), message.Text, ct);
            }
        }
        var statuses = 0;
        foreach (var status in payload.Statuses)
        {
            statuses += await writes.RunAsync(account.Id, async write =>
            {
                var rows = write.Consent.Rows;
                if (await WebhookIdempotency.ClaimAsync(rows, account.Id, "meta-status", $"{status.MessageId}:{status.Status}", null, clock.GetUtcNow(), ct) !=
                    WebhookIdempotency.Claim.New)
                {
                    return 0;
                }
                // Recorded on the message we sent (nothing for an id that is not ours); the outbox already read a refusal's code when it sent.
                await rows.ProviderReportedAsync(account.Id, status.MessageId, null, status.Status, status.ErrorCode, ct);
                // A failure's code goes to the rules (meta-error-codes.json), on every contact with the number as for a
                // Twilio status: 131050 is the contact's own opt-out. Sent, delivered and read carry no code and decide nothing.
                if (status is { ErrorCode: not null, Recipient: { } to })
                {
                    var evt = new WhatsAppStatusEvent(status.Status, status.ErrorCode)
                    {
                        ActedBy = $"meta whatsapp status {status.Status} of message {status.MessageId}", ClientIp = ip,
                    };
                    await write.Consent.ApplyToAddressAsync(account.Id, AddressKind.Phone, to, evt, account.Settings, ct);
                }
                return 1;
            }, ct);
        }
        return TypedResults.Ok(new MetaWebhookResponse(contactIds.Count, duplicates, statuses, contactIds.Distinct().ToList()));

        // Null when no contact has the sender's number (WhatsApp); Messenger and Instagram senders always have one once this starts.
        async Task<(string ContactId, bool Applied, bool AwaitsReply)?> ApplyAsync(MetaInbound message)
        {
            var scopedContact = message.Platform == MetaInbound.WhatsApp ? null
                : await InboundContacts.EnsureScopedIdAsync(request.HttpContext.RequestServices, account, message.Platform, message.From, clock.GetUtcNow(), ct);
            return await writes.RunAsync(account.Id, async write =>
            {
                var (consent, rows) = (write.Consent, write.Consent.Rows);
                var contact = scopedContact is null
                    ? (await rows.ContactsWithAddressAsync(account.Id, AddressKind.Phone, message.From, ct)).FirstOrDefault()
                    : await rows.FindContactAsync(account.Id, scopedContact, ct);
                if (contact is null)
                {
                    return null;
                }
                var now = clock.GetUtcNow();
                if (await WebhookIdempotency.ClaimAsync(rows, account.Id, "meta-message", message.MessageId, null, now, ct) != WebhookIdempotency.Claim.New)
                {
                    return ((string, bool, bool)?)(contact.Id, false, false);
                }
                var channel = message.Channel;
                var (_, decision) = await InboundTexts.ReceiveAsync(consent, account, contact, channel, message.Text, null,
                    $"contact's reply, meta {message.Platform} message {message.MessageId}", ip, now, ct);
                // Meta has no reply in the webhook's answer: the opt-out's one confirmation goes through the outbox, within its window.
                if (OptOutConfirmation.Owed(decision, channel, account.Compliance) is { } optOut)
                {
                    var text = templates.Render(account.Compliance.OptOutReply, contact, account: account.Sender.Account);
                    OptOutConfirmation.Record(rows, contact, channel, text, optOut.At, optOut.Sequence, MessageStatus.Queued, now);
                }
                var isKeyword = decision.Classification.Kind != ChangeKind.None;
                return (contact.Id, true, !contact.InboundDnd && !isKeyword && await write.Workflows.AwaitsReplyAsync(account.Id, contact.Id, channel.ToWire(), ct));
            }, ct);
        }
    }
}
