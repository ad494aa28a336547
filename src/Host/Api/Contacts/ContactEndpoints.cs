using Dnd.Host.Auth;
using Dnd.Workflows.Activities;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>HighLevel API v2 contact endpoints: create, read, update, delete, upsert, tags, consent ledger.</summary>
public static class ContactEndpoints
{
    public static void MapContactEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapPost("/", CreateAsync);
        contacts.MapGet("/{contactId}", GetAsync);
        contacts.MapPut("/{contactId}", UpdateAsync);
        contacts.MapDelete("/{contactId}", DeleteAsync);
        contacts.MapPost("/upsert", UpsertAsync);
        contacts.MapPost("/{contactId}/tags", AddTagsAsync);
        contacts.MapDelete("/{contactId}/tags", RemoveTagsAsync);
        contacts.MapGet("/{contactId}/dnd/ledger", LedgerAsync);
    }

    private static async Task<IResult> CreateAsync(ContactWriteRequest body, AccountContext account, DndDbContext db,
        ContactDndApplier dnd, SuppressionList suppressions, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        ContactFields.Validate(body);
        ContactDndApplier.Validate(body);
        var row = await InsertAsync(body, account.AccountId, db, clock, ct);
        await suppressions.RestoreAsync(row, ct);
        var decisions = await dnd.ApplyAsync(account.AccountId, row.Id, body, "api", ct);
        return Results.Created($"/contacts/{row.Id}", new { contact = ContactMapper.ToDto(row), dndDecisions = decisions });
    }

    private static async Task<IResult> GetAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct) =>
        Results.Ok(new { contact = ContactMapper.ToDto(await FindAsync(db, account, contactId, ct)) });

    private static async Task<IResult> UpdateAsync(string contactId, ContactWriteRequest body, AccountContext account, DndDbContext db,
        ContactDndApplier dnd, SuppressionList suppressions, TimeProvider clock, CancellationToken ct)
    {
        ContactFields.Validate(body);
        ContactDndApplier.Validate(body);
        var row = await FindAsync(db, account, contactId, ct);
        ContactFields.Apply(body, row);
        row.UpdatedAt = clock.GetUtcNow();
        row.Revision++;
        await db.SaveChangesAsync(ct);
        await suppressions.RestoreAsync(row, ct);
        var decisions = await dnd.ApplyAsync(account.AccountId, row.Id, body, "api", ct);
        return Results.Ok(new { succeded = true, contact = ContactMapper.ToDto(row), dndDecisions = decisions });
    }

    private static async Task<IResult> DeleteAsync(string contactId, AccountContext account, DndDbContext db, SuppressionList suppressions,
        TimeProvider clock, CancellationToken ct)
    {
        var row = await FindAsync(db, account, contactId, ct);
        await RemoveFromAllWorkflows.Cancel(db, account.AccountId, contactId, except: null, clock.GetUtcNow());
        await suppressions.RememberAsync(row, ct);
        db.Contacts.Remove(row);
        // The consent ledger is kept too: proof of an opt-out must outlive the contact record.
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { succeded = true });
    }

    private static async Task<IResult> UpsertAsync(ContactWriteRequest body, AccountContext account, DndDbContext db,
        ContactDndApplier dnd, SuppressionList suppressions, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        ContactFields.Validate(body);
        ContactDndApplier.Validate(body);
        var row = await ContactLookup.ByEmailOrPhoneAsync(db, account.AccountId, body.Email, body.Phone, "Upsert", ct);
        var created = row is null;
        if (row is null)
        {
            row = await InsertAsync(body, account.AccountId, db, clock, ct);
        }
        else
        {
            ContactFields.Apply(body, row);
            row.UpdatedAt = clock.GetUtcNow();
            row.Revision++;
            await db.SaveChangesAsync(ct);
        }
        await suppressions.RestoreAsync(row, ct);
        var decisions = await dnd.ApplyAsync(account.AccountId, row.Id, body, "api", ct);
        return Results.Ok(new { @new = created, contact = ContactMapper.ToDto(row), dndDecisions = decisions });
    }

    private static async Task<IResult> AddTagsAsync(string contactId, TagsRequest body, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var row = await FindAsync(db, account, contactId, ct);
        row.Tags = row.Tags.Union(body.Tags.Select(t => t.Trim()).Where(t => t.Length > 0), StringComparer.OrdinalIgnoreCase).ToList();
        row.Revision++;
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { tags = row.Tags });
    }

    private static async Task<IResult> RemoveTagsAsync(string contactId, [Microsoft.AspNetCore.Mvc.FromBody] TagsRequest body, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var row = await FindAsync(db, account, contactId, ct);
        row.Tags = row.Tags.Where(t => !body.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        row.Revision++;
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { tags = row.Tags });
    }

    private static async Task<IResult> LedgerAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var entries = await db.Ledger.AsNoTracking()
            .Where(l => l.AccountId == account.AccountId && l.ContactId == contactId)
            .OrderBy(l => l.Sequence).ToListAsync(ct);
        if (entries.Count == 0)
        {
            await FindAsync(db, account, contactId, ct);
        }
        return Results.Ok(new { entries });
    }

    internal static async Task<ContactRecord> FindAsync(DndDbContext db, AccountContext account, string contactId, CancellationToken ct) =>
        await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.AccountId == account.AccountId, ct)
        ?? throw new ContactNotFoundException(contactId);

    /// <summary>Inserts a validated request as a new contact.</summary>
    private static async Task<ContactRecord> InsertAsync(ContactWriteRequest body, string accountId, DndDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var row = ContactRecord.Create(accountId, clock.GetUtcNow(), body.Source ?? "api");
        ContactFields.Apply(body, row);
        db.Contacts.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
