using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Crm.Templates;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// The account's compliance texts (business profile): read, change (every template checked, a bad one refused with
/// its line and column), and preview a message exactly as it would leave.
/// </summary>
public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/compliance").WithTags("Accounts");
        group.MapGet("/", async (AccountContext account, AccountSettingsStore settings, CancellationToken ct) =>
            TypedResults.Ok(ComplianceResponse.From(await settings.SenderAsync(account.AccountId, ct))));
        group.MapPut("/", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/preview", PreviewAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<ComplianceResponse>> UpdateAsync(ComplianceRequest body, AccountContext account, DndDbContext db, AccountCache accounts,
        CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var row = await db.Accounts.SingleAsync(a => a.Id == account.AccountId, ct);
        var current = AccountSettingsJson.ParseCompliance(row.SettingsJson);
        var errors = new FieldErrors()
            .MaxLength("businessName", body.BusinessName, ApiLimits.NameLength).MaxLength("businessAddress", body.BusinessAddress, ApiLimits.TextLength);
        var when = body.SmsOptOutWhen is null ? current.SmsOptOutWhen : SmsOptOutWhenNames.Parse(body.SmsOptOutWhen);
        if (when is null)
        {
            errors.Add("smsOptOutWhen", $"smsOptOutWhen must be one of {SmsOptOutWhenNames.Listed}");
        }
        var updated = current with
        {
            BusinessName = body.BusinessName is null ? current.BusinessName : Blank(body.BusinessName),
            BusinessAddress = body.BusinessAddress is null ? current.BusinessAddress : Blank(body.BusinessAddress),
            SmsOptOutText = body.SmsOptOutText ?? current.SmsOptOutText,
            SmsOptOutWhen = when ?? current.SmsOptOutWhen,
            EmailFooter = body.EmailFooter ?? current.EmailFooter,
            UnsubscribeLinkText = body.UnsubscribeLinkText ?? current.UnsubscribeLinkText,
            OptOutReply = body.OptOutReply ?? current.OptOutReply,
            SendOptOutConfirmation = body.SendOptOutConfirmation ?? current.SendOptOutConfirmation,
            HelpReply = body.HelpReply ?? current.HelpReply,
            UnsubscribePageText = body.UnsubscribePageText ?? current.UnsubscribePageText,
            UnsubscribedPageText = body.UnsubscribedPageText ?? current.UnsubscribedPageText,
        };
        foreach (var (field, text) in updated.Templates)
        {
            errors.MaxLength(field, text, ApiLimits.TextLength);
            foreach (var problem in TemplateRenderer.Validate(text))
            {
                errors.Add(field, $"{field}: {problem}");
            }
        }
        // A contact must always be told how to stop: only "never" (the account writes it into its messages) goes without.
        if (updated.SmsOptOutWhen != SmsOptOutWhen.Never && string.IsNullOrWhiteSpace(updated.SmsOptOutText))
        {
            errors.Add("smsOptOutText", "smsOptOutText cannot be empty unless smsOptOutWhen is never");
        }
        foreach (var (field, text) in new[] { ("unsubscribeLinkText", updated.UnsubscribeLinkText), ("optOutReply", updated.OptOutReply), ("helpReply", updated.HelpReply) })
        {
            errors.Required(field, text);
        }
        errors.ThrowIfAny("The compliance texts are invalid; nothing was changed.");
        row.SettingsJson = AccountSettingsJson.Serialize(AccountSettingsJson.Parse(row.SettingsJson), AccountSettingsJson.ParseProfile(row.SettingsJson), updated);
        await db.SaveChangesAsync(ct);
        accounts.Invalidate(account.AccountId);
        return TypedResults.Ok(ComplianceResponse.From(CachedAccount.From(row).Sender));
    }

    private static async Task<Ok<CompliancePreviewResponse>> PreviewAsync(CompliancePreviewRequest body, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, OutboundMessenger messenger, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors().Required("channel", body.Channel).Required("body", body.Body)
            .MaxLength("body", body.Body, ApiLimits.TextLength).MaxLength("subject", body.Subject, ApiLimits.TextLength);
        if (body.Channel is not null && !ChannelNames.TryParse(body.Channel, out _))
        {
            errors.Add("channel", $"channel must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        errors.ThrowIfAny("Say what to preview.");
        var channel = ChannelNames.Parse(body.Channel!);
        var contact = body.ContactId is null
            ? Sample(account.AccountId, clock.GetUtcNow())
            : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == body.ContactId && c.AccountId == account.AccountId, ct)
              ?? throw new ContactNotFoundException(body.ContactId);
        // A claim for no contact: the preview's unsubscribe link is real in form but opts nobody out if followed.
        var composed = await messenger.ComposeAsync(contact, channel, body.Subject, body.Body!, await settings.SenderAsync(account.AccountId, ct),
            new UnsubscribeClaim(account.AccountId, "preview", Guid.Empty.ToString("N")), ct);
        return TypedResults.Ok(new CompliancePreviewResponse(channel.ToWire(), composed.Body, composed.Subject, composed.Headers));
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ContactRecord Sample(string accountId, DateTimeOffset now)
    {
        var sample = ContactRecord.Create(accountId, now, "preview");
        (sample.FirstName, sample.LastName, sample.Email, sample.Phone) = ("Alex", "Sample", "alex.sample@example.com", "+15550100000");
        return sample;
    }
}
