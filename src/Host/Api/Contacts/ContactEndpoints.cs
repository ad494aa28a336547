using Dnd.Host.Auth;
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

    private static async Task<IResult> CreateAsync(ContactWriteRequest body, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var written = await commands.CreateAsync(account.AccountId, body, ct);
        return Results.Created($"/contacts/{written.Contact.Id}", new { contact = ContactMapper.ToDto(written.Contact), dndDecisions = written.Decisions });
    }

    private static async Task<IResult> GetAsync(string contactId, AccountContext account, DndDbContext db, CancellationToken ct) =>
        Results.Ok(new { contact = ContactMapper.ToDto(await FindAsync(db, account, contactId, ct)) });

    private static async Task<IResult> UpdateAsync(string contactId, ContactWriteRequest body, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        var written = await commands.UpdateAsync(account.AccountId, contactId, body, ct);
        return Results.Ok(new { succeded = true, contact = ContactMapper.ToDto(written.Contact), dndDecisions = written.Decisions });
    }

    private static async Task<IResult> DeleteAsync(string contactId, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        await commands.DeleteAsync(account.AccountId, contactId, ct);
        return Results.Ok(new { succeded = true });
    }

    private static async Task<IResult> UpsertAsync(ContactWriteRequest body, AccountContext account, ContactCommands commands, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var written = await commands.UpsertAsync(account.AccountId, body, "Upsert", ct);
        return Results.Ok(new { @new = written.Created, contact = ContactMapper.ToDto(written.Contact), dndDecisions = written.Decisions });
    }

    private static Task<IResult> AddTagsAsync(string contactId, TagsRequest body, AccountContext account, DndDbContext db, AccountWrites writes, CancellationToken ct) =>
        ChangeTagsAsync(contactId, account, db, writes, tags => tags.Union(body.Tags.Select(t => t.Trim()).Where(t => t.Length > 0), StringComparer.OrdinalIgnoreCase), ct);

    private static Task<IResult> RemoveTagsAsync(string contactId, [Microsoft.AspNetCore.Mvc.FromBody] TagsRequest body, AccountContext account, DndDbContext db,
        AccountWrites writes, CancellationToken ct) =>
        ChangeTagsAsync(contactId, account, db, writes, tags => tags.Where(t => !body.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)), ct);

    /// <summary>Tags are written in the account's write order too, so a tag edit never races a consent change on the row.</summary>
    private static async Task<IResult> ChangeTagsAsync(string contactId, AccountContext account, DndDbContext db, AccountWrites writes,
        Func<List<string>, IEnumerable<string>> change, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(account.AccountId, ct);
        var row = await FindAsync(db, account, contactId, ct);
        row.Tags = change(row.Tags).ToList();
        row.Revision++;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
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
}
