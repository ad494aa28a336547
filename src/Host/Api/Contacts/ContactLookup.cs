using Dnd.Host.Errors;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>Finds the account's contact for an email or phone, email first (HighLevel's default duplicate rule).</summary>
public static class ContactLookup
{
    /// <param name="what">Names the request in the error when neither email nor phone is given.</param>
    public static async Task<ContactRecord?> ByEmailOrPhoneAsync(DndDbContext db, string accountId, string? email, string? phone, string what, CancellationToken ct)
    {
        var normalizedEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        var normalizedPhone = PhoneNumbers.Normalize(phone);
        if (normalizedEmail is null && normalizedPhone is null)
        {
            throw new ApiValidationException($"{what} needs an email or a phone to match on.");
        }
        return (normalizedEmail is null ? null : await db.Contacts.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Email == normalizedEmail, ct))
               ?? (normalizedPhone is null ? null : await db.Contacts.FirstOrDefaultAsync(c => c.AccountId == accountId && c.Phone == normalizedPhone, ct));
    }
}
