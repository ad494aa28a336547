using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;

namespace Dnd.Host.Api.Forms;

/// <summary>Records a form submission and fires Form-submitted triggers; re-subscribing is the trigger's job, through the rules.</summary>
public static class FormEndpoints
{
    public static void MapFormEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/forms/{formId}/submissions", SubmitAsync).WithTags("Forms");

    private static async Task<IResult> SubmitAsync(string formId, FormSubmissionRequest body, AccountContext account, DndDbContext db,
        AccountWrites writes, ContactCommands contacts, WorkSignal signal, TimeProvider clock, CancellationToken ct)
    {
        var payload = new FormSubmittedPayload(formId, body.Consent);
        string contactId;
        if (body.ContactId is not null)
        {
            await using var write = await writes.BeginAsync(account.AccountId, ct);
            contactId = (await contacts.FindAsync(account.AccountId, body.ContactId, ct)).Id;
            db.PendingTriggers.Add(TriggerDispatcher.FormSubmitted(account.AccountId, contactId, payload, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
        }
        else
        {
            // The contact joins its addresses' consent before the trigger runs, so a consenting form re-subscribes
            // through the rules like any other lift.
            var fields = new ContactWriteRequest { Email = body.Email, Phone = body.Phone, FirstName = body.FirstName, LastName = body.LastName, Source = "form" };
            var written = await contacts.UpsertAsync(account.AccountId, fields, "A form submission without contactId", ct,
                row => db.PendingTriggers.Add(TriggerDispatcher.FormSubmitted(account.AccountId, row.Id, payload, clock.GetUtcNow())));
            contactId = written.Contact.Id;
        }
        signal.Pulse();
        return Results.Accepted(value: new { contactId, formId, consent = body.Consent });
    }
}
