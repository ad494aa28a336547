using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel API v2 contact endpoints: create, read, update, delete, upsert, tags, consent ledger.</summary>
public static class ContactEndpoints
{
    public static void MapContactEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts").ProducesProblem(StatusCodes.Status401Unauthorized);
        contacts.MapPost("/", CreateAsync).WithName("CreateContact").ProducesWriteProblems();
        contacts.MapGet("/{contactId}", GetAsync).WithName("GetContact").ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapPut("/{contactId}", UpdateAsync).WithName("UpdateContact").ProducesWriteProblems().ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapDelete("/{contactId}", DeleteAsync).WithName("DeleteContact")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapPost("/upsert", UpsertAsync).WithName("UpsertContact").ProducesWriteProblems();
        contacts.MapPost("/{contactId}/tags", AddTagsAsync).WithName("AddContactTags").ProducesTagProblems();
        contacts.MapDelete("/{contactId}/tags", RemoveTagsAsync).WithName("RemoveContactTags").ProducesTagProblems();
        contacts.MapGet("/{contactId}/dnd/ledger", LedgerAsync).WithName("GetContactDndLedger").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<CreateContactResponse>> CreateAsync(ContactWriteRequest body, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var written = await commands.CreateAsync(account.AccountId, body, ct);
        return TypedResults.Created($"/contacts/{written.Contact.Id}", new CreateContactResponse(ContactMapper.ToDto(written.Contact), written.Decisions));
    }

    private static async Task<Ok<ContactResponse>> GetAsync(string contactId, AccountContext account, ContactCommands commands, CancellationToken ct) =>
        TypedResults.Ok(new ContactResponse(ContactMapper.ToDto(await commands.FindAsync(account.AccountId, contactId, ct))));

    private static async Task<Ok<UpdateContactResponse>> UpdateAsync(string contactId, ContactWriteRequest body, AccountContext account, ContactCommands commands,
        CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var written = await commands.UpdateAsync(account.AccountId, contactId, body, ct);
        return TypedResults.Ok(new UpdateContactResponse(true, ContactMapper.ToDto(written.Contact), written.Decisions));
    }

    private static async Task<Ok<DeleteContactResponse>> DeleteAsync(string contactId, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        await commands.DeleteAsync(account.AccountId, contactId, ct);
        return TypedResults.Ok(new DeleteContactResponse(true));
    }

    private static async Task<Ok<UpsertContactResponse>> UpsertAsync(ContactWriteRequest body, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var written = await commands.UpsertAsync(account.AccountId, body, "Upsert", ct);
        return TypedResults.Ok(new UpsertContactResponse(written.Created, ContactMapper.ToDto(written.Contact), written.Decisions));
    }

    private static async Task<Ok<TagsResponse>> AddTagsAsync(string contactId, TagsRequest body, AccountContext account, ContactCommands commands,
        CancellationToken ct) =>
        TypedResults.Ok(new TagsResponse(await commands.AddTagsAsync(account.AccountId, contactId, body, ct)));

    private static async Task<Ok<TagsResponse>> RemoveTagsAsync(string contactId, [FromBody] TagsRequest body, AccountContext account,
        ContactCommands commands, CancellationToken ct) =>
        TypedResults.Ok(new TagsResponse(await commands.RemoveTagsAsync(account.AccountId, contactId, body, ct)));

    private static async Task<Ok<LedgerResponse>> LedgerAsync(string contactId, AccountContext account, DndDbContext db, ContactCommands commands,
        CancellationToken ct)
    {
        var entries = await db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == account.AccountId && l.ContactId == contactId)
            .OrderBy(l => l.Sequence).ToListAsync(ct);
        if (entries.Count == 0)
        {
            // A deleted contact keeps its ledger, so only an id with neither a contact nor a ledger here is unknown.
            await commands.FindAsync(account.AccountId, contactId, ct);
        }
        return TypedResults.Ok(new LedgerResponse(entries.Select(LedgerEntryDto.From).ToList()));
    }
}
