using Dnd.Activities.Persistence;
using Dnd.Activities;
using Dnd.Crm.Consent;
using Dnd.Crm.Contacts;
using Dnd.Crm.Persistence;
using Dnd.Workflows.Persistence;
using Dnd.Workflows.Runtime;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// The contact writes of the API and forms, each one account write: validated first (so bad input changes
/// nothing), then the fields, the address consent and the requested DND changes commit together.
/// </summary>
public sealed class ContactCommands(DndDbContext db, AccountWrites writes, AccountSettingsStore settings, ContactBook book,
    ContactDndApplier dnd, ConsentService consent, TimeProvider clock)
{
    public sealed record Written(ContactRecord Contact, bool Created, List<DndDecisionDto> Decisions);

    public async Task<Written> CreateAsync(string accountId, ContactWriteRequest body, CancellationToken ct) =>
        await WriteAsync(accountId, body, async profile => await AddAsync(accountId, body, profile, ct), ct);

    public async Task<Written> UpdateAsync(string accountId, string contactId, ContactWriteRequest body, CancellationToken ct) =>
        await WriteAsync(accountId, body, async profile => await ChangeAsync(await FindAsync(accountId, contactId, ct), body, profile, ct), ct);

    /// <summary>HighLevel's upsert: the contact with this email (else phone) is updated, or a new one is created.</summary>
    /// <param name="what">Names the request in the error when it has neither email nor phone.</param>
    /// <param name="alsoStage">More to commit with it (a form's trigger).</param>
    public async Task<Written> UpsertAsync(string accountId, ContactWriteRequest body, string what, CancellationToken ct,
        Action<ContactRecord>? alsoStage = null) =>
        await WriteAsync(accountId, body, async profile =>
        {
            var email = Addresses.Email(body.Email);
            var phone = Addresses.Phone(body.Phone, profile.DefaultRegion);
            if (email is null && phone is null)
            {
                throw new Errors.ApiValidationException($"{what} needs an email or a phone to match on.");
            }
            return await book.FindAsync(accountId, email, phone, ct) is { } existing
                ? await ChangeAsync(existing, body, profile, ct)
                : await AddAsync(accountId, body, profile, ct);
        }, ct, alsoStage);

    public async Task DeleteAsync(string accountId, string contactId, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await FindAsync(accountId, contactId, ct);
        await RemoveFromAllWorkflows.Cancel(new EfWorkflowRows(new WorkflowDb(db)), accountId, contactId, except: null, clock.GetUtcNow());
        // The consent ledger and the addresses' consent stay: proof of an opt-out must outlive the contact record.
        await book.RemoveAsync(row, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }

    /// <summary>POST /contacts/{id}/tags: adds the tags the contact lacks (case-insensitively).</summary>
    /// <returns>The contact's tags afterwards.</returns>
    /// <exception cref="Errors.ApiValidationException">422 when the tags are invalid or the contact would have too many.</exception>
    public Task<List<string>> AddTagsAsync(string accountId, string contactId, TagsRequest body, CancellationToken ct) =>
        ChangeTagsAsync(accountId, contactId, body, (tags, given) => ContactFields.Distinct(tags.Concat(given)), ct);

    /// <summary>DELETE /contacts/{id}/tags: removes the tags given (case-insensitively).</summary>
    /// <returns>The contact's tags afterwards.</returns>
    public Task<List<string>> RemoveTagsAsync(string accountId, string contactId, TagsRequest body, CancellationToken ct) =>
        ChangeTagsAsync(accountId, contactId, body, (tags, given) => tags.Where(t => !given.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)).ToList(), ct);

    public Task<ContactRecord> FindAsync(string accountId, string contactId, CancellationToken ct) => consent.LoadAsync(accountId, contactId, ct);

    /// <summary>Tags are written in the account's write order too, so a tag edit never races a consent change on the row.</summary>
    private async Task<List<string>> ChangeTagsAsync(string accountId, string contactId, TagsRequest body,
        Func<List<string>, List<string>, List<string>> change, CancellationToken ct)
    {
        var given = body.Validate();
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await FindAsync(accountId, contactId, ct);
        var tags = change(row.Tags, given);
        // Checked on the result too: adding a few tags to a contact that has many must not pass the limit.
        new Errors.FieldErrors().MaxCount("tags", tags, Limits.ApiLimits.TagsPerContact).ThrowIfAny("The contact would have too many tags.");
        row.Tags = tags;
        row.Revision++;
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return row.Tags;
    }

    private async Task<Written> WriteAsync(string accountId, ContactWriteRequest body, Func<AccountProfile, Task<(ContactRecord, bool)>> change,
        CancellationToken ct, Action<ContactRecord>? alsoStage = null)
    {
        var profile = await settings.ProfileAsync(accountId, ct);
        var errors = new Errors.FieldErrors();
        ContactFields.Validate(body, profile.DefaultRegion, errors);
        dnd.Validate(body, errors);
        errors.ThrowIfAny("The contact has invalid fields.");
        await using var write = await writes.BeginAsync(accountId, ct);
        var (row, created) = await change(profile);
        await db.SaveChangesAsync(ct);
        var decisions = await dnd.ApplyAsync(accountId, row.Id, body, created, ct);
        alsoStage?.Invoke(row);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return new Written(row, created, decisions);
    }

    private async Task<(ContactRecord, bool)> AddAsync(string accountId, ContactWriteRequest body, AccountProfile profile, CancellationToken ct)
    {
        var row = ContactRecord.Create(accountId, clock.GetUtcNow(), body.Source ?? "api");
        ContactFields.Apply(body, row, profile.DefaultRegion);
        await book.AddAsync(row, profile, ct);
        return (row, true);
    }

    private async Task<(ContactRecord, bool)> ChangeAsync(ContactRecord row, ContactWriteRequest body, AccountProfile profile, CancellationToken ct)
    {
        var (email, phone) = (row.Email, row.Phone);
        ContactFields.Apply(body, row, profile.DefaultRegion);
        row.UpdatedAt = clock.GetUtcNow();
        row.Revision++;
        await book.AddressesChangedAsync(row, email, phone, profile, ct);
        return (row, false);
    }
}
