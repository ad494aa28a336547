using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;

namespace Dnd.Host.Api.Forms;

/// <summary>Records a form submission and fires Form-submitted triggers; re-subscribing is the trigger's job, through the rules.</summary>
public static class FormEndpoints
{
    public static void MapFormEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/forms/{formId}/submissions", SubmitAsync).WithTags("Forms");

    private static async Task<IResult> SubmitAsync(string formId, FormSubmissionRequest body, AccountContext account, DndDbContext db,
        SuppressionList suppressions, WorkSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var contact = body.ContactId is not null
            ? await ContactEndpoints.FindAsync(db, account, body.ContactId, ct)
            : await MatchOrCreateAsync(body, account.AccountId, db, clock, ct);
        await db.SaveChangesAsync(ct);
        // Restored before the trigger runs, so a consenting form re-subscribes through the rules like any unsubscribe.
        await suppressions.RestoreAsync(contact, ct);
        db.PendingTriggers.Add(TriggerDispatcher.FormSubmitted(account.AccountId, contact.Id, new FormSubmittedPayload(formId, body.Consent), clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        signal.Pulse();
        return Results.Accepted(value: new { contactId = contact.Id, formId, consent = body.Consent });
    }

    private static async Task<ContactRecord> MatchOrCreateAsync(FormSubmissionRequest body, string accountId, DndDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var fields = new ContactWriteRequest { Email = body.Email, Phone = body.Phone, FirstName = body.FirstName, LastName = body.LastName };
        ContactFields.Validate(fields);
        var contact = await ContactLookup.ByEmailOrPhoneAsync(db, accountId, body.Email, body.Phone, "A form submission without contactId", ct);
        if (contact is null)
        {
            contact = ContactRecord.Create(accountId, clock.GetUtcNow(), "form");
            db.Contacts.Add(contact);
        }
        ContactFields.Apply(fields, contact);
        return contact;
    }
}
