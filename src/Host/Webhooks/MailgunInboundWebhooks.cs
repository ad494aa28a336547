using System.Globalization;
using System.Net.Mail;
using Dnd.Crm.Consent;
using Dnd.Host.Configuration;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Webhooks;

/// <summary>
/// E-mail replies, through a Mailgun inbound route (its forward() action posts the parsed message as a form): a reply
/// that says "unsubscribe me" revokes consent like a text does, and one that may mean it waits for staff.
/// </summary>
public static class MailgunInboundWebhooks
{
    /// <summary>A reply is read up to here: an opt-out is said at the top, and what follows is usually the quoted thread.</summary>
    public const int ReadCharacters = 2_000;

    public static void MapMailgunInboundWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/mailgun/{accountId}/inbound", HandleAsync).WithTags("Webhooks").DisableAntiforgery()
            .WithBodyLimit(ApiLimits.WebhookBodyBytes * 4)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<Results<Ok<WebhookDecisionResponse>, ProblemHttpResult>> HandleAsync(string accountId, HttpRequest request,
        AccountCache accounts, ConsentWrites consentWrites, TimeProvider clock, IOptions<DndOptions> options, CancellationToken ct)
    {
        var account = await accounts.FindAsync(request.HttpContext.RequestServices, accountId, ct);
        if (account is null)
        {
            return WebhookAccounts.UnknownAccount(accountId);
        }
        // The signature is in the form, so a request without one is unsigned.
        if (!request.HasFormContentType)
        {
            return WebhookAccounts.Forbidden("Mailgun signs its inbound form (multipart/form-data or application/x-www-form-urlencoded); this request has none.");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        // A broken multipart boundary ends the stream early (IOException), as TwilioRequestReader also expects.
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return WebhookAccounts.BadRequest($"The form could not be read: {e.Message}");
        }
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var (timestamp, token, signature) = (Field("timestamp"), Field("token"), Field("signature"));
        if (string.IsNullOrEmpty(account.MailgunSigningKey) || !MailgunSignature.IsValid(account.MailgunSigningKey, timestamp, token, signature))
        {
            return WebhookAccounts.Forbidden("The Mailgun signature does not match.");
        }
        var now = clock.GetUtcNow();
        var window = options.Value.Webhooks.MailgunSignatureWindow;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds() ||
            (DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() > window)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Webhook rejected",
                detail: $"The signature's timestamp {timestamp} is more than {window} away from now; a stale signature is not accepted.");
        }
        var messageId = Field("Message-Id") ?? token!;
        var sender = Sender(Field("sender"));
        if (sender is null || messageId.Length > ApiLimits.TextLength)
        {
            return WebhookAccounts.BadRequest("sender (an email address) is required, and Message-Id may be at most 1024 characters.");
        }
        // The reply without the quoted thread when Mailgun could tell them apart.
        var text = Field("stripped-text") is { Length: > 0 } stripped ? stripped : Field("body-plain") ?? "";
        var body = text.Length <= ReadCharacters ? text : text[..ReadCharacters];
        var decisions = await consentWrites.RunAsync(account.Id, async consent =>
        {
            var contacts = await consent.Rows.ContactsWithAddressAsync(account.Id, AddressKind.Email, sender, ct);
            if (contacts.Count == 0 || await WebhookIdempotency.ClaimAsync(consent.Rows, account.Id, "mailgun-inbound", messageId, null, now, ct) !=
                WebhookIdempotency.Claim.New)
            {
                return null;
            }
            var results = new List<(string?, Dnd.Rules.Engine.ConsentDecision)>();
            foreach (var contact in contacts)
            {
                var (_, decision) = await InboundTexts.ReceiveAsync(consent, account, contact, Channel.Email, body, null,
                    $"contact's e-mail reply, message {messageId}", request.HttpContext.Connection.RemoteIpAddress?.ToString(), now, ct);
                results.Add((contact.Id, decision));
            }
            return results;
        }, ct);
        // A sender no contact has is not ours to file; a redelivery changes nothing.
        return TypedResults.Ok(decisions is null ? WebhookDecisionResponse.Redelivery : WebhookDecisionResponse.From(decisions));
    }

    private static string? Sender(string? raw) =>
        raw is { Length: <= ApiLimits.EmailLength } && MailAddress.TryCreate(raw.Trim(), out var parsed) ? Addresses.Email(parsed.Address) : null;
}
