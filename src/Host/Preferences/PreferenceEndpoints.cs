using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Host.Limits;
using Dnd.Host.Unsubscribe;
using Dnd.Rules.Consent;
using Dnd.Rules.Decisions.PreferenceCenter;
using Dnd.Rules.Engine;
using Dnd.Rules.Events;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Preferences;

/// <summary>
/// The preference center, where every unsubscribe link leads (its signed e-mail token names account, contact and
/// message): GET shows each channel and changes nothing (scanners follow GETs); POST applies one choice through the
/// rules as the contact's own act. The token is the credential; the framework's antiforgery token (cookie + field) adds
/// that the choice was made on a page we served to this browser, so another site cannot auto-submit it from the
/// contact's browser and IP with a link it learned.
/// </summary>
public static class PreferenceEndpoints
{
    private const string HtmlType = "text/html";

    public static void MapPreferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/preferences").WithTags("Preferences").WithBodyLimit(ApiLimits.WebhookBodyBytes);
        group.MapGet("/{token}", ShowAsync).Produces<string>(StatusCodes.Status200OK, HtmlType);
        group.MapPost("/{token}", ChooseAsync).Produces<string>(StatusCodes.Status200OK, HtmlType).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapEmailConfirmEndpoints();
    }

    /// <summary>The link's contact and account, read without tracking; null for a bad token or a contact that is gone.</summary>
    private static async Task<(UnsubscribeClaim Claim, ContactRecord Contact, Sender Sender)?> ReadAsync(string token, UnsubscribeTokens tokens,
        DndDbContext db, AccountSettingsStore settings, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var claim))
        {
            return null;
        }
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claim!.ContactId && c.AccountId == claim.AccountId, ct);
        return contact is null ? null : (claim!, contact, await settings.SenderAsync(contact.AccountId, ct));
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ShowAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        AccountSettingsStore settings, ConsentEngine engine, IAntiforgery antiforgery, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await ReadAsync(token, tokens, db, settings, ct) is not { } link)
        {
            return InvalidLink(null);
        }
        return await PageAsync(link.Contact, link.Sender, db, engine, antiforgery, clock, http, null, ct);
    }

    private static async Task<Results<ContentHttpResult, LinkProblem>> ChooseAsync(string token, UnsubscribeTokens tokens, DndDbContext db,
        AccountSettingsStore settings, AccountWrites writes, ConsentService consent, ConsentEngine engine, IConsentRows rows, OutboundMessenger messenger,
        EmailConfirmLinks links, IOptions<MessagingOptions> messaging, IAntiforgery antiforgery, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await ReadAsync(token, tokens, db, settings, ct) is not { } link)
        {
            return InvalidLink(null);
        }
        var texts = ContactPageTexts.For(link.Sender.Texts.Language);
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return new LinkProblem(texts.Title, texts.StalePage);
        }
        var form = await http.Request.ReadFormAsync(ct);
        if (PreferenceChoice.Parse(form[PreferenceChoice.Field]) is not { } choice)
        {
            return new LinkProblem(texts.Title, texts.UnknownChoice);
        }
        var (accountId, contactId, brand) = (link.Claim.AccountId, link.Claim.ContactId, link.Sender.Account.BusinessName);
        var change = new PreferenceCenterChange(choice.Channel, choice.On, link.Claim.MessageId)
        {
            ActedBy = $"contact, preference center (link of message {link.Claim.MessageId})", ClientIp = http.Connection.RemoteIpAddress?.ToString(),
        };
        string status;
        ContactRecord row;
        await using (var write = await writes.BeginAsync(accountId, ct))
        {
            try
            {
                row = await consent.LoadAsync(accountId, contactId, ct);
            }
            catch (ContactNotFoundException)
            {
                return InvalidLink(texts);
            }
            if (choice.EmailOn)
            {
                status = await RequestEmailAsync(row, change, link.Sender, texts, consent, engine, rows, messenger, links, messaging.Value, clock, ct);
            }
            else
            {
                var decision = await consent.ApplyAsync(row, change, ct);
                status = choice.Channel is not { } channel ? texts.EverythingOff : Outcome(texts, brand, decision.For(channel), channel);
            }
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        return await PageAsync(row, link.Sender, db, engine, antiforgery, clock, http, status, ct);
    }

    /// <summary>
    /// E-mail back on is double opt-in. When the rules would let the contact lift it, the request is recorded (the rules'
    /// "awaits confirmation" line) and a confirmation carrying a signed link is queued to the address; otherwise the
    /// refusal is recorded with the rule that made it, and nothing is sent.
    /// </summary>
    private static async Task<string> RequestEmailAsync(ContactRecord row, PreferenceCenterChange change, Sender sender, ContactPageTexts texts,
        ConsentService consent, ConsentEngine engine, IConsentRows rows, OutboundMessenger messenger, EmailConfirmLinks links, MessagingOptions messaging,
        TimeProvider clock, CancellationToken ct)
    {
        var label = texts.Channels[Channel.Email];
        var state = ContactConsentMapping.ToDomain(row)[Channel.Email];
        var lift = await engine.Policy.JudgeAsync(PreferenceChannel.LiftRequest(Channel.Email, state));
        if (!state.Blocks || lift.Verdict != Verdict.Applied || string.IsNullOrWhiteSpace(row.Email))
        {
            var (rule, why) = state.Blocks ? (lift.Rule, lift.Reason) : ("NothingToLift", "email DND is already off");
            consent.Note(row, Channel.Email, change.Describe(), Actor.Contact, rule, why, change.ActedBy);
            return state.Blocks ? PreferencePage.Refusal(texts, sender.Account.BusinessName, lift) : string.Format(texts.NotChanged, label);
        }
        var request = await consent.ApplyAsync(row, change, ct);
        var sequence = request.Entries[^1].Sequence;
        var url = $"{messaging.PublicBaseUrl.TrimEnd('/')}/preferences/confirm/{links.Create(new EmailConfirmClaim(row.AccountId, row.Id, row.Email, sequence))}";
        var messageId = Dnd.Shared.Ids.RowIds.New();
        var brand = sender.Account.BusinessName;
        var composed = await messenger.ComposeAsync(row, Channel.Email, string.Format(texts.ConfirmEmailSubject, brand),
            string.Format(texts.ConfirmEmailBody, System.Net.WebUtility.HtmlEncode(brand), System.Net.WebUtility.HtmlEncode(url)), sender,
            new UnsubscribeClaim(row.AccountId, row.Id, messageId), ct);
        OptInConfirmation.Record(rows, row, messageId, composed, sequence, clock.GetUtcNow());
        return string.Format(texts.CheckInbox, row.Email);
    }

    /// <summary>What became of one channel, in the contact's words.</summary>
    internal static string Outcome(ContactPageTexts texts, string brand, ChannelOutcome outcome, Channel channel)
    {
        var label = texts.Channels[channel];
        return outcome.Verdict switch
        {
            Verdict.Applied => string.Format(outcome.After.Blocks ? texts.TurnedOff : texts.TurnedOn, label),
            Verdict.Denied => PreferencePage.Refusal(texts, brand, new Rules.Policy.Judgement(outcome.Verdict, outcome.PolicyRule, outcome.Reason)),
            _ => string.Format(texts.NotChanged, label),
        };
    }

    internal static async Task<Results<ContentHttpResult, LinkProblem>> PageAsync(ContactRecord contact, Sender sender, DndDbContext db, ConsentEngine engine,
        IAntiforgery antiforgery, TimeProvider clock, HttpContext http, string? status, CancellationToken ct)
    {
        var texts = ContactPageTexts.For(sender.Texts.Language);
        var channels = await PreferenceChannel.ListAsync(contact, engine.Policy);
        var pending = await EmailPendingAsync(db, contact, clock.GetUtcNow(), ct) ? contact.Email : null;
        // The antiforgery cookie and field, and no Referer carrying the token to anything the page links to.
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        return PreferencePage.Render(texts, sender.Account.BusinessName, channels, pending, antiforgery.GetAndStoreTokens(http), status);
    }

    /// <summary>
    /// A confirmation is pending while the contact's newest "awaits confirmation" line is within the link's lifetime
    /// and no e-mail change has been applied since.
    /// </summary>
    private static async Task<bool> EmailPendingAsync(DndDbContext db, ContactRecord contact, DateTimeOffset now, CancellationToken ct)
    {
        var request = await db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == contact.AccountId && l.ContactId == contact.Id && l.Rule == PreferenceCenterEmailAwaitsConfirmation.RuleName)
            .OrderByDescending(l => l.Sequence).Select(l => new { l.Sequence, l.At }).FirstOrDefaultAsync(ct);
        if (request is null || request.At + OptInConfirmation.LinkLifetime < now)
        {
            return false;
        }
        var email = Channel.Email.ToWire();
        return !await db.Ledger.AnyAsync(l => l.AccountId == contact.AccountId && l.ContactId == contact.Id && l.Channel == email
                                              && l.Verdict == nameof(Verdict.Applied) && l.Sequence > request.Sequence, ct);
    }

    internal static LinkProblem InvalidLink(ContactPageTexts? texts)
    {
        texts ??= ContactPageTexts.English;
        return new LinkProblem(texts.InvalidLinkTitle, texts.InvalidLink);
    }
}
