using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Contacts;

/// <summary>
/// Adds, re-addresses and removes contacts inside an open account write, keeping two things true: an account
/// that does not allow duplicates has one contact per email and per phone (its EmailKey/PhoneKey, unique in the
/// database), and every contact shows the consent of the addresses it has. The caller saves.
/// </summary>
public sealed class ContactBook(CrmDbContext db, ConsentStore consent)
{
    /// <summary>HighLevel's match for upserts and forms: email first, then phone; the oldest contact when there are several.</summary>
    public async Task<ContactRecord?> FindAsync(string accountId, string? email, string? phone, CancellationToken ct) =>
        (email is null ? null : await Oldest(db.Contacts.Where(c => c.AccountId == accountId && c.Email == email), ct))
        ?? (phone is null ? null : await Oldest(db.Contacts.Where(c => c.AccountId == accountId && c.Phone == phone), ct));

    /// <summary>Adds a contact whose fields are set; refuses a duplicate unless the account allows them.</summary>
    /// <exception cref="DuplicateContactException"/>
    public async Task AddAsync(ContactRecord row, AccountProfile profile, CancellationToken ct)
    {
        await RefuseDuplicateAsync(row, profile, ct);
        await ClaimKeysAsync(row, ct);
        db.Contacts.Add(row);
        await consent.AttachAsync(row, ct);
    }

    /// <summary>After a contact's email or phone changed: refuse a duplicate, move the keys, join the new addresses' consent.</summary>
    /// <exception cref="DuplicateContactException"/>
    public async Task AddressesChangedAsync(ContactRecord row, string? oldEmail, string? oldPhone, AccountProfile profile, CancellationToken ct)
    {
        if (row.Email == oldEmail && row.Phone == oldPhone)
        {
            return;
        }
        await RefuseDuplicateAsync(row, profile, ct);
        await ReleaseKeysAsync(row, row.Email == oldEmail ? null : oldEmail, row.Phone == oldPhone ? null : oldPhone, ct);
        await ClaimKeysAsync(row, ct);
        await consent.AttachAsync(row, ct);
    }

    /// <summary>Removes the contact; its addresses' consent stays, and a duplicate of it becomes the account's contact for them.</summary>
    public async Task RemoveAsync(ContactRecord row, CancellationToken ct)
    {
        await ReleaseKeysAsync(row, row.Email, row.Phone, ct);
        db.Contacts.Remove(row);
    }

    private async Task RefuseDuplicateAsync(ContactRecord row, AccountProfile profile, CancellationToken ct)
    {
        if (profile.AllowDuplicateContact)
        {
            return;
        }
        var others = db.Contacts.Where(c => c.AccountId == row.AccountId && c.Id != row.Id);
        if (row.Email is { } email && await Oldest(others.Where(c => c.Email == email), ct) is { } byEmail)
        {
            throw new DuplicateContactException(byEmail.Id, "email");
        }
        if (row.Phone is { } phone && await Oldest(others.Where(c => c.Phone == phone), ct) is { } byPhone)
        {
            throw new DuplicateContactException(byPhone.Id, "phone");
        }
    }

    private async Task ClaimKeysAsync(ContactRecord row, CancellationToken ct)
    {
        row.EmailKey = row.Email is { } email && !await db.Contacts.AnyAsync(c => c.AccountId == row.AccountId && c.Id != row.Id && c.EmailKey == email, ct)
            ? email : null;
        row.PhoneKey = row.Phone is { } phone && !await db.Contacts.AnyAsync(c => c.AccountId == row.AccountId && c.Id != row.Id && c.PhoneKey == phone, ct)
            ? phone : null;
    }

    /// <summary>Hands each address the row held the key of to its oldest other contact, if any.</summary>
    private async Task ReleaseKeysAsync(ContactRecord row, string? email, string? phone, CancellationToken ct)
    {
        var others = db.Contacts.Where(c => c.AccountId == row.AccountId && c.Id != row.Id);
        if (email is not null && row.EmailKey == email)
        {
            row.EmailKey = null;
            await db.SaveChangesAsync(ct);
            if (await Oldest(others.Where(c => c.Email == email), ct) is { } heir)
            {
                heir.EmailKey = email;
            }
        }
        if (phone is not null && row.PhoneKey == phone)
        {
            row.PhoneKey = null;
            await db.SaveChangesAsync(ct);
            if (await Oldest(others.Where(c => c.Phone == phone), ct) is { } heir)
            {
                heir.PhoneKey = phone;
            }
        }
    }

    private static async Task<ContactRecord?> Oldest(IQueryable<ContactRecord> contacts, CancellationToken ct) =>
        ContactOrder.Oldest(await contacts.ToListAsync(ct)).FirstOrDefault();
}
