using Dnd.Rules.Events;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Webhooks;

/// <summary>Mailgun's event webhook: failed (with severity and reason), unsubscribed, complained.</summary>
public static class MailgunWebhooks
{
    public static void MapMailgunWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost("/webhooks/mailgun/{accountId}", HandleAsync).WithTags("Webhooks").DisableAntiforgery();

    private static async Task<IResult> HandleAsync(string accountId, MailgunWebhookPayload payload, DndDbContext db, ConsentService consent,
        WorkSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var account = await WebhookAccounts.FindAsync(db, accountId, ct);
        if (account is null)
        {
            return WebhookAccounts.UnknownAccount(accountId);
        }
        var sig = payload.Signature;
        if (string.IsNullOrEmpty(account.MailgunSigningKey) || !MailgunSignature.IsValid(account.MailgunSigningKey, sig?.Timestamp, sig?.Token, sig?.Signature))
        {
            return WebhookAccounts.Forbidden("The Mailgun signature does not match.");
        }
        var data = payload.EventData;
        if (data?.Event is null || data.Recipient is null || data.Id is null)
        {
            return Results.Problem(statusCode: 400, title: "Bad request", detail: "event-data needs id, event and recipient.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        // The signature covers only timestamp and token, so a token is single-use: a replayed signature with a
        // rewritten body is refused as a duplicate.
        if (!await WebhookIdempotency.TryClaimAsync(db, account.Id, $"mailgun:event:{data.Id}", now, ct) ||
            !await WebhookIdempotency.TryClaimAsync(db, account.Id, $"mailgun:token:{sig!.Token}", now, ct))
        {
            return Results.Ok(new { duplicate = true });
        }
        var email = data.Recipient.Trim().ToLowerInvariant();
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.AccountId == account.Id && c.Email == email, ct);
        string? explanation = null;
        if (contact is not null)
        {
            var decision = await consent.ApplyAsync(account.Id, contact.Id, new MailgunEvent(data.Event, data.Severity, data.Reason), ct);
            explanation = decision.Explanation;
        }
        await tx.CommitAsync(ct);
        signal.Pulse();
        return Results.Ok(new { contactId = contact?.Id, explanation });
    }
}
