using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using Dnd.Host.Configuration;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Dnd.Crm.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Webhooks;

/// <summary>Mailgun's event webhook: failed (with severity and reason), unsubscribed, complained.</summary>
public static class MailgunWebhooks
{
    public static void MapMailgunWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/mailgun/{accountId}", HandleAsync).WithTags("Webhooks").DisableAntiforgery()
            .WithBodyLimit(ApiLimits.WebhookBodyBytes)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<Ok<WebhookDecisionResponse>, ProblemHttpResult>> HandleAsync(string accountId, HttpRequest request,
        AccountCache accounts, ConsentWrites consentWrites, TimeProvider clock, IOptions<DndOptions> options, CancellationToken ct)
    {
        var account = await accounts.FindAsync(request.HttpContext.RequestServices, accountId, ct);
        if (account is null)
        {
            return WebhookAccounts.UnknownAccount(accountId);
        }
        var body = await WebhookBody.ReadAsync(request, ApiLimits.WebhookBodyBytes, ct);
        if (body.Rejected is not null)
        {
            return body.Rejected;
        }
        MailgunWebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<MailgunWebhookPayload>(body.Bytes, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return WebhookAccounts.BadRequest($"The body is not Mailgun's webhook JSON: {e.Message}");
        }
        var sig = payload?.Signature;
        if (string.IsNullOrEmpty(account.MailgunSigningKey) || !MailgunSignature.IsValid(account.MailgunSigningKey, sig?.Timestamp, sig?.Token, sig?.Signature))
        {
            return WebhookAccounts.Forbidden("The Mailgun signature does not match.");
        }
        var now = clock.GetUtcNow();
        var window = options.Value.Webhooks.MailgunSignatureWindow;
        if (!long.TryParse(sig!.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() ||
            (DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() > window)
        {
            return Rejected(request.HttpContext, WebhookRejection.Stale, $"The signature's timestamp {sig.Timestamp} is more than {window} away from now; a stale signature is not accepted.");
        }
        var data = payload!.EventData;
        if (data?.Event is null || data.Id is null || Recipient(data.Recipient) is not { } email)
        {
            return WebhookAccounts.BadRequest("event-data needs id, event and recipient (an email address).");
        }
        // Both are kept as idempotency keys: ones longer than any Mailgun sends are not Mailgun's.
        if (data.Id.Length > ApiLimits.TextLength || sig.Token!.Length > ApiLimits.TextLength)
        {
            return WebhookAccounts.BadRequest($"event-data.id and signature.token may be at most {ApiLimits.TextLength} characters.");
        }
        // The signature covers only timestamp and token, so a token is bound to the body it first came with:
        // the same body again is a retry, another body under it is a forgery.
        var hash = Convert.ToHexString(SHA256.HashData(body.Bytes));
        var evt = new MailgunEvent(data.Event, data.Severity, data.Reason)
        {
            ActedBy = $"mailgun event {data.Id}", ClientIp = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        var (claim, decisions) = await consentWrites.RunAsync(account.Id, async consent =>
        {
            var token = await WebhookIdempotency.ClaimAsync(consent.Rows, account.Id, "mailgun-token", sig.Token!, hash, now, ct);
            if (token != WebhookIdempotency.Claim.New)
            {
                return (token, null);
            }
            // A new token for an event already applied (Mailgun re-signs its retries): the token is kept, nothing else changes.
            var redelivered = await WebhookIdempotency.ClaimAsync(consent.Rows, account.Id, "mailgun-event", data.Id, null, now, ct);
            if (redelivered == WebhookIdempotency.Claim.New && data.MessageId is { } messageId)
            {
                await consent.Rows.ProviderReportedAsync(account.Id, null, messageId, data.Event, null, ct);
            }
            return redelivered != WebhookIdempotency.Claim.New
                ? (WebhookIdempotency.Claim.Duplicate, null)
                : (token, await consent.ApplyToAddressAsync(account.Id, AddressKind.Email, email, evt, account.Settings, ct));
        }, ct);
        return claim switch
        {
            WebhookIdempotency.Claim.Conflict => Rejected(request.HttpContext, WebhookRejection.Replay, "This signature token was already used with a different body."),
            WebhookIdempotency.Claim.Duplicate => TypedResults.Ok(WebhookDecisionResponse.Redelivery),
            _ => TypedResults.Ok(WebhookDecisionResponse.From(decisions!)),
        };
    }

    /// <summary>
    /// The recipient as an address, or null when it is not one: consent is kept per address, so anything else would
    /// file an opt-out under a key no contact can ever have.
    /// </summary>
    private static string? Recipient(string? raw) =>
        raw is { Length: <= ApiLimits.EmailLength } && MailAddress.TryCreate(raw.Trim(), out var parsed) && parsed.Address == raw.Trim()
            ? Addresses.Email(raw)
            : null;

    /// <summary>406 is what Mailgun's docs name for a webhook the receiver rejects: it does not retry it.</summary>
    private static ProblemHttpResult Rejected(HttpContext http, string reason, string detail)
    {
        WebhookRejection.Mark(http, reason);
        return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Webhook rejected", detail: detail);
    }
}
