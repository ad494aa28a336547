using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Contacts;

/// <summary>
/// The contact a provider's inbound message is from. One we have never seen is made first, in an ordinary contact
/// write, so its STOP has a contact to land on (the message is then applied to it in a consent write of its own).
/// </summary>
public static class InboundContacts
{
    public const string Source = "inbound message";

    /// <summary>A contact with <paramref name="phone"/> (E.164) exists after this.</summary>
    public static async Task EnsurePhoneAsync(IServiceProvider scope, CachedAccount owner, string phone, DateTimeOffset now, CancellationToken ct)
    {
        var (db, contacts) = (scope.GetRequiredService<CrmDbContext>(), scope.GetRequiredService<ContactBook>());
        await using var write = await scope.GetRequiredService<AccountWrites>().BeginAsync(owner.Id, ct);
        if (await contacts.FindAsync(owner.Id, email: null, phone, ct) is null)
        {
            var row = ContactRecord.Create(owner.Id, now, Source);
            row.Phone = phone;
            await contacts.AddAsync(row, owner.Profile with { AllowDuplicateContact = true }, ct);
            await db.SaveChangesAsync(ct);
        }
        await write.CommitAsync(ct);
    }

    /// <summary>The contact Meta's page-scoped id names; a new contact carrying it when none does (or the one it named was deleted).</summary>
    /// <returns>The contact's id.</returns>
    public static async Task<string> EnsureScopedIdAsync(IServiceProvider scope, CachedAccount owner, string platform, string scopedId, DateTimeOffset now,
        CancellationToken ct)
    {
        var db = scope.GetRequiredService<CrmDbContext>();
        if (await Known(db, owner.Id, platform, scopedId).Select(s => s.ContactId).FirstOrDefaultAsync(ct) is { } known)
        {
            return known;
        }
        await using var write = await scope.GetRequiredService<AccountWrites>().BeginAsync(owner.Id, ct);
        // Read again in the write: a redelivery racing this one may have made it.
        if (await Known(db, owner.Id, platform, scopedId).Select(s => s.ContactId).FirstOrDefaultAsync(ct) is { } made)
        {
            return made;
        }
        var row = ContactRecord.Create(owner.Id, now, $"{Source} ({platform})");
        await scope.GetRequiredService<ContactBook>().AddAsync(row, owner.Profile, ct);
        var mapping = await db.ContactScopedIds.SingleOrDefaultAsync(s => s.AccountId == owner.Id && s.Platform == platform && s.ScopedId == scopedId, ct);
        if (mapping is null)
        {
            db.ContactScopedIds.Add(new ContactScopedIdRecord { AccountId = owner.Id, Platform = platform, ScopedId = scopedId, ContactId = row.Id, CreatedAt = now });
        }
        else
        {
            (mapping.ContactId, mapping.CreatedAt) = (row.Id, now);
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return row.Id;
    }

    /// <summary>For Messenger and Instagram sends: each contact's newest page-scoped id (the one that wrote to the page last joined it).</summary>
    public static async Task<Dictionary<string, string>> ScopedIdsAsync(CrmDbContext db, string accountId, IReadOnlyCollection<string> contactIds,
        CancellationToken ct) =>
        (await db.ContactScopedIds.AsNoTracking().Where(s => s.AccountId == accountId && contactIds.Contains(s.ContactId)).ToListAsync(ct))
        .GroupBy(s => s.ContactId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.CreatedAt).First().ScopedId);

    /// <summary>The id's mapping while its contact exists.</summary>
    private static IQueryable<ContactScopedIdRecord> Known(CrmDbContext db, string accountId, string platform, string scopedId) =>
        db.ContactScopedIds.AsNoTracking().Where(s => s.AccountId == accountId && s.Platform == platform && s.ScopedId == scopedId &&
                                                       db.Contacts.Any(c => c.AccountId == accountId && c.Id == s.ContactId));
}
