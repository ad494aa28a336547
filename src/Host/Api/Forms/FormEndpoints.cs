using Dnd.Activities;
using Dnd.Activities.Persistence;
using Dnd.Activities.Triggers;
using Dnd.Host.Api.Contacts;
using Dnd.Crm.Consent;
using Dnd.Host.Auth;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dnd.Host.Api.Forms;

/// <summary>Records a form submission and fires Form-submitted triggers; re-subscribing is the trigger's job, through the rules.</summary>
public static class FormEndpoints
{
    /// <remarks>400 is a duplicate contact (HighLevel's answer, with meta.contactId) when the account refuses duplicates.</remarks>
    public static void MapFormEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/forms/{formId}/submissions", SubmitAsync).WithTags("Forms")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Accepted<FormSubmissionResponse>> SubmitAsync(string formId, FormSubmissionRequest body, AccountContext account, DndDbContext db,
        AccountWrites writes, ContactCommands contacts, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        body.Validate(formId);
        var consentField = (await settings.ProfileAsync(account.AccountId, ct)).FormConsentFields.GetValueOrDefault(formId, FormSubmissionRequest.DefaultConsentField);
        var payload = new FormSubmittedPayload(formId, body.ConsentIn(consentField), account.ClientIp);
        string contactId;
        if (body.ContactId is not null)
        {
            await using var write = await writes.BeginAsync(account.AccountId, ct);
            contactId = (await contacts.FindAsync(account.AccountId, body.ContactId, ct)).Id;
            db.PendingTriggers.Add(TriggerDispatcher.Pending(account.AccountId, contactId, FormSubmittedTrigger.Kind, payload, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        else
        {
            // The contact joins its addresses' consent before the trigger runs, so a consenting form re-subscribes
            // through the rules like any other lift.
            var fields = new ContactWriteRequest { Email = body.Email, Phone = body.Phone, FirstName = body.FirstName, LastName = body.LastName, Source = "form" };
            var written = await contacts.UpsertAsync(account.AccountId, fields, "A form submission without contactId", ct,
                row => db.PendingTriggers.Add(TriggerDispatcher.Pending(account.AccountId, row.Id, FormSubmittedTrigger.Kind, payload, clock.GetUtcNow())));
            contactId = written.Contact.Id;
        }
        return TypedResults.Accepted((string?)null, new FormSubmissionResponse(contactId, formId, payload.ExplicitConsent));
    }
}
