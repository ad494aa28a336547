using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// A message rendered exactly as it would leave with a given sender's texts: POST /locations/compliance/preview uses
/// the saved texts, the operator app's Compliance screen the ones being edited.
/// </summary>
public static class CompliancePreview
{
    /// <exception cref="ApiValidationException">422: no channel or body, or one too long.</exception>
    /// <exception cref="ContactNotFoundException">The contact named is not the account's.</exception>
    /// <exception cref="Dnd.Crm.Templates.TemplateException">A text does not parse or render.</exception>
    public static async Task<CompliancePreviewResponse> ComposeAsync(CompliancePreviewRequest body, string accountId, Sender sender, DndDbContext db,
        OutboundMessenger messenger, DateTimeOffset now, CancellationToken ct)
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
            ? Sample(accountId, now)
            : await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == body.ContactId && c.AccountId == accountId, ct)
              ?? throw new ContactNotFoundException(body.ContactId);
        // A claim for no contact: the preview's unsubscribe link is real in form but opts nobody out if followed.
        var composed = await messenger.ComposeAsync(contact, channel, body.Subject, body.Body!, sender,
            new UnsubscribeClaim(accountId, "preview", Guid.Empty.ToString("N")), ct);
        return new CompliancePreviewResponse(channel.ToWire(), composed.Body, composed.Subject, composed.Headers);
    }

    private static ContactRecord Sample(string accountId, DateTimeOffset now)
    {
        var sample = ContactRecord.Create(accountId, now, "preview");
        (sample.FirstName, sample.LastName, sample.Email, sample.Phone) = ("Alex", "Sample", "alex.sample@example.com", "+15550100000");
        return sample;
    }
}
