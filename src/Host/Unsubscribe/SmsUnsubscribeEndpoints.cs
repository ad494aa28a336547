using System.Net;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;
using Dnd.Host.Limits;
using Dnd.Host.Webhooks;
using Dnd.Rules.Consent;
using Dnd.Rules.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Unsubscribe;

/// <summary>
/// A text's short unsubscribe link ({{ unsubscribe_link }} in an SMS): GET shows the account's page with "Stop SMS"
/// and "Stop everything" (a GET never changes anything: link previews follow them); POST with the choice applies it,
/// once per link and choice, with the link as the ledger's source.
/// </summary>
public static class SmsUnsubscribeEndpoints
{
    public const string Everything = "everything";

    public static void MapSmsUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/u").WithTags("Unsubscribe").DisableAntiforgery()
            .WithBodyLimit(ApiLimits.WebhookBodyBytes);
        group.MapGet("/{token}", ConfirmAsync).Produces<string>(StatusCodes.Status200OK, "text/html");
        group.MapPost("/{token}", StopAsync).Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private sealed record Link(MessageRecord Message, ContactRecord Contact, Sender Sender);

    /// <summary>The link's message, contact and account; null for a bad token or a message or contact that is gone.</summary>
    private static async Task<Link?> ReadAsync(string token, UnsubscribeTokens tokens, DndDbContext db, AccountSettingsStore settings, CancellationToken ct)
    {
        if (!tokens.TryReadShort(token, out var messageId))
        {
            return null;
        }
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct);
        var contact = message?.ContactId is null ? null
            : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ContactId && c.AccountId == message.AccountId, ct);
        return contact is null ? null : new Link(message!, contact, await settings.SenderAsync(contact.AccountId, ct));
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ConfirmAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        AccountSettingsStore settings, TemplateRenderer templates, CancellationToken ct)
    {
        if (await ReadAsync(token, tokens, db, settings, ct) is not { } link)
        {
            return InvalidLink();
        }
        var text = WebUtility.HtmlEncode(templates.Render(link.Sender.Texts.UnsubscribePageText, link.Contact, account: link.Sender.Account));
        var t = ContactPageTexts.For(link.Sender.Texts.Language);
        return UnsubscribePage.Html(t.StopMessagesTitle, $"""
            <p>{text}</p>
            <form method="post">
            <button type="submit" name="stop" value="SMS">{WebUtility.HtmlEncode(t.StopSms)}</button>
            <button type="submit" name="stop" value="{Everything}" class="secondary">{WebUtility.HtmlEncode(t.StopEverything)}</button>
            </form>
            {PreferenceLink.Html(tokens.Create(new UnsubscribeClaim(link.Contact.AccountId, link.Contact.Id, link.Message.Id)), t)}
            """, link.Sender.Account.BusinessName, lang: t.Lang);
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> StopAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        AccountSettingsStore settings, TemplateRenderer templates, IConsentRows rows, AccountWrites writes, ConsentService consent, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        if (await ReadAsync(token, tokens, db, settings, ct) is not { } link)
        {
            return InvalidLink();
        }
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var everything = form?["stop"].ToString() == Everything;
        var (accountId, contactId, messageId) = (link.Contact.AccountId, link.Contact.Id, link.Message.Id);
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            // Once per link and choice: a second click (or a retried POST) is answered the same, with no second ledger line.
            if (await WebhookIdempotency.ClaimAsync(rows, accountId, "sms-unsubscribe", $"{messageId}:{(everything ? Everything : "SMS")}", null,
                    clock.GetUtcNow(), ct) == WebhookIdempotency.Claim.New)
            {
                // SMS first, as the contact's own opt-out (permanent); "everything" then adds the other channels, each a user may adjust.
                foreach (var evt in everything ? new[] { Event(false), Event(true) } : [Event(false)])
                {
                    await consent.ApplyAsync(accountId, contactId, evt, ct);
                }
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        var t = ContactPageTexts.For(link.Sender.Texts.Language);
        return UnsubscribePage.Html(t.UnsubscribedTitle,
            $"<p>{WebUtility.HtmlEncode(templates.Render(link.Sender.Texts.UnsubscribedPageText, link.Contact, account: link.Sender.Account))}</p>",
            link.Sender.Account.BusinessName, lang: t.Lang);

        UnsubscribeLinkEvent Event(bool all) => new(messageId, Channel.Sms, all)
        {
            ActedBy = $"contact, SMS unsubscribe link of message {messageId}", ClientIp = http.Connection.RemoteIpAddress?.ToString(),
        };
    }

    private static LinkProblem InvalidLink() => new("Invalid unsubscribe link",
        "This link is not valid. Reply STOP to the text you received to stop messages.");
}
