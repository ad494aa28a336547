using System.Net;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Unsubscribe;
using Dnd.Host.Webhooks;
using Dnd.Rules.Consent;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Preferences;

/// <summary>
/// The link a double opt-in e-mail carries: GET shows a button (mail scanners follow GETs, so a GET confirms nothing),
/// POST lifts e-mail DND through the rules as the contact's confirmed opt-in, once. An expired, used or altered link is
/// a friendly 400 page.
/// </summary>
public static class EmailConfirmEndpoints
{
    private const string HtmlType = "text/html";
    private const string IdempotencyKind = "preference-email-confirm";

    public static void MapEmailConfirmEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/confirm/{token}", ShowAsync).Produces<string>(StatusCodes.Status200OK, HtmlType);
        group.MapPost("/confirm/{token}", ConfirmAsync).Produces<string>(StatusCodes.Status200OK, HtmlType).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>The link's claim and account, or the problem to answer: a bad link, an expired one, or one for an address the contact no longer has.</summary>
    private static async Task<(EmailConfirmClaim Claim, ContactRecord Contact, Sender Sender, ContactPageTexts Texts)?> ReadAsync(string token,
        EmailConfirmLinks links, DndDbContext db, AccountSettingsStore settings, Action<LinkProblem> fail, CancellationToken ct)
    {
        var reading = links.TryRead(token, out var claim);
        var contact = claim is null ? null
            : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claim.ContactId && c.AccountId == claim.AccountId, ct);
        var texts = contact is null ? ContactPageTexts.English : ContactPageTexts.For((await settings.SenderAsync(contact.AccountId, ct)).Texts.Language);
        if (reading == EmailConfirmLinks.Reading.Expired)
        {
            fail(new LinkProblem(texts.InvalidLinkTitle, texts.ExpiredLink));
            return null;
        }
        if (contact is null || !string.Equals(contact.Email?.Trim(), claim!.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            fail(PreferenceEndpoints.InvalidLink(texts));
            return null;
        }
        return (claim, contact, await settings.SenderAsync(contact.AccountId, ct), texts);
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ShowAsync(string token, EmailConfirmLinks links, DndDbContext db,
        AccountSettingsStore settings, IAntiforgery antiforgery, HttpContext http, CancellationToken ct)
    {
        LinkProblem? problem = null;
        if (await ReadAsync(token, links, db, settings, p => problem = p, ct) is not { } link)
        {
            return problem!;
        }
        var t = link.Texts;
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return UnsubscribePage.Html(t.ConfirmTitle, $"""
            <p>{WebUtility.HtmlEncode(string.Format(t.ConfirmQuestion, link.Sender.Account.BusinessName, link.Claim.Email))}</p>
            <form method="post">{PreferencePage.Hidden(antiforgery.GetAndStoreTokens(http))}
            <button type="submit">{WebUtility.HtmlEncode(t.ConfirmButton)}</button></form>
            """, link.Sender.Account.BusinessName, lang: t.Lang);
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ConfirmAsync(string token, EmailConfirmLinks links, DndDbContext db,
        AccountSettingsStore settings, AccountWrites writes, ConsentService consent, ConsentEngine engine, IConsentRows rows, IAntiforgery antiforgery,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        LinkProblem? problem = null;
        if (await ReadAsync(token, links, db, settings, p => problem = p, ct) is not { } link)
        {
            return problem!;
        }
        var texts = link.Texts;
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return new LinkProblem(texts.ConfirmTitle, texts.StalePage);
        }
        var (claim, brand) = (link.Claim, link.Sender.Account.BusinessName);
        ContactRecord row;
        string status;
        await using (var write = await writes.BeginAsync(claim.AccountId, ct))
        {
            // One confirmation per request: the request's ledger line is the link's identity.
            if (await WebhookIdempotency.ClaimAsync(rows, claim.AccountId, IdempotencyKind, $"{claim.ContactId}:{claim.RequestSequence}", null,
                    clock.GetUtcNow(), ct) != WebhookIdempotency.Claim.New)
            {
                return new LinkProblem(texts.InvalidLinkTitle, texts.UsedLink);
            }
            row = await consent.LoadAsync(claim.AccountId, claim.ContactId, ct);
            var decision = await consent.ApplyAsync(row, new PreferenceCenterChange(Channel.Email, true, $"email-confirm:{claim.RequestSequence}", Confirmed: true)
            {
                ActedBy = $"contact, e-mail confirmation link of preference center request (ledger line {claim.RequestSequence}) sent to {claim.Email}",
                ClientIp = http.Connection.RemoteIpAddress?.ToString(),
            }, ct);
            var outcome = decision.For(Channel.Email);
            status = outcome.Verdict == Verdict.Applied ? texts.Confirmed : PreferenceEndpoints.Outcome(texts, brand, outcome, Channel.Email);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await PreferenceEndpoints.PageAsync(row, link.Sender, db, engine, antiforgery, clock, http, status, ct);
    }
}
