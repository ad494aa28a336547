using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Erasure;

/// <summary>The account's salt for <see cref="SuppressionHash"/>, made on its first erasure.</summary>
public static class AccountSalts
{
    /// <summary>Read (or staged, new) inside the account's write, so two erasures cannot make two salts.</summary>
    public static async Task<byte[]> GetOrCreateAsync(CrmDbContext db, string accountId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.AccountSalts.SingleOrDefaultAsync(s => s.AccountId == accountId, ct) is { } known)
        {
            return known.Salt;
        }
        var salt = SuppressionHash.NewSalt();
        db.AccountSalts.Add(new AccountSaltRecord { AccountId = accountId, Salt = salt, CreatedAt = now });
        return salt;
    }
}
