using Dnd.Activities.Persistence;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dnd.Host.Limits;
using Dnd.Host.Webhooks;
using Dnd.Rules.Events;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// Email unsubscribe: GET shows a confirmation page (link scanners follow GETs, so GET never unsubscribes);
/// POST unsubscribes, and is the RFC 8058 one-click target named by List-Unsubscribe-Post.
/// </summary>
public static class UnsubscribeEndpoints
{
    private const string HtmlType = "text/html";

    public static void MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        // The one-click POST carries "List-Unsubscribe=One-Click" and nothing more.
        var group = app.MapGroup("/unsubscribe").WithTags("Unsubscribe").DisableAntiforgery()
            .WithBodyLimit(ApiLimits.WebhookBodyBytes);
        group.MapGet("/{token}", ConfirmAsync).Produces<string>(StatusCodes.Status200OK, HtmlType);
        group.MapPost("/{token}", UnsubscribeAsync).Produces<string>(StatusCodes.Status200OK, HtmlType)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ConfirmAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        AccountCache accounts, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claim))
        {
            return InvalidToken();
        }
        var email = await db.Contacts.AsNoTracking().Where(c => c.Id == claim!.ContactId && c.AccountId == claim.AccountId)
            .Select(c => c.Email).FirstOrDefaultAsync(ct);
        var (brand, t) = await SenderAsync(accounts, db, claim!.AccountId, ct);
        var who = $"<strong>{WebUtility.HtmlEncode(email ?? t.ThisAddress)}</strong>";
        return UnsubscribePage.Html(t.UnsubscribeTitle, $"""
            <p>{string.Format(WebUtility.HtmlEncode(t.StopEmailsQuestion), who)}</p>
            <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">{WebUtility.HtmlEncode(t.UnsubscribeButton)}</button></form>
            {PreferenceLink.Html(token, t)}
            """, brand, lang: t.Lang);
    }

    /// <summary>
    /// Mail clients and people click again, and RFC 8058 clients may retry: the link's first POST applies the
    /// unsubscribe, later ones find it claimed (per account, like a webhook delivery) and answer the same page
    /// without another ledger line.
    /// </summary>
    private static async Task<Results<ContentHttpResult, LinkProblem>> UnsubscribeAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        IConsentRows rows, AccountWrites writes, ConsentService consent, AccountCache accounts, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claim))
        {
            return InvalidToken();
        }
        await using (var write = await writes.BeginAsync(claim!.AccountId, ct))
        {
            if (await WebhookIdempotency.ClaimAsync(rows, claim.AccountId, "unsubscribe", LinkId(claim), null, clock.GetUtcNow(), ct)
                == WebhookIdempotency.Claim.New)
            {
                try
                {
                    // Joins this write, so the claim and the unsubscribe commit together or not at all.
                    await consent.ApplyAsync(claim.AccountId, claim.ContactId, new UnsubscribeLinkEvent(claim.MessageId)
                    {
                        ActedBy = $"contact, unsubscribe link of message {claim.MessageId}", ClientIp = http.Connection.RemoteIpAddress?.ToString(),
                    }, ct);
                }
                catch (ContactNotFoundException)
                {
                    // Contact already deleted: there is nobody left to email, which is what they asked for.
                }
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        var (brand, t) = await SenderAsync(accounts, db, claim.AccountId, ct);
        return UnsubscribePage.Html(t.UnsubscribedTitle, $"<p>{WebUtility.HtmlEncode(t.UnsubscribedFromEmail)}</p>", brand, lang: t.Lang);
    }

    /// <summary>The business the email came from, as its compliance texts name it, and the words in the account's language.</summary>
    private static async Task<(string? Brand, ContactPageTexts Texts)> SenderAsync(AccountCache accounts, DndDbContext db, string accountId, CancellationToken ct) =>
        (await accounts.FindAsync(db, accountId, ct))?.Sender is { } sender
            ? (sender.Account.BusinessName, ContactPageTexts.For(sender.Texts.Language))
            : (null, ContactPageTexts.English);

    /// <summary>
    /// The link's identity is what its token says (contact and message), not its spelling: a token re-encoded
    /// (base64 padding, say) is the same link.
    /// </summary>
    private static string LinkId(UnsubscribeClaim claim) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{claim.ContactId}\n{claim.MessageId}")));

    private static LinkProblem InvalidToken() => new("Invalid unsubscribe link",
        "This unsubscribe link is not valid. Reply to the email you received and ask to be removed.");
}
