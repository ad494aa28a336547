using System.Security.Claims;
using Dnd.Crm.Persistence;
using Dnd.Crm.Users;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// The signed-in person as the sign-in cookie's claims (<see cref="OperatorClaims"/>) name them, and the accounts they
/// may work in: read the same way by the app's circuits (<see cref="OperatorSession"/>) and by the API endpoints that
/// accept the cookie (the designer opened from the app).
/// </summary>
public sealed record OperatorIdentity(string UserId, string UserName, string Role, string? OwnAccountId)
{
    public bool IsAgencyAdmin => Role == OperatorRoles.AgencyAdmin;

    /// <returns>Null when the principal is not a signed-in person.</returns>
    public static OperatorIdentity? From(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new(id, user.FindFirstValue(OperatorClaims.DisplayName) ?? user.Identity?.Name ?? id,
                user.FindFirstValue(OperatorClaims.Role) ?? OperatorRoles.AccountUser, user.FindFirstValue(OperatorClaims.Account))
            : null;

    /// <summary>Accounts this person may work in: every one for an agency admin, else their own.</summary>
    public IQueryable<AccountRecord> Usable(IQueryable<AccountRecord> accounts)
    {
        var (admin, own) = (IsAgencyAdmin, OwnAccountId);
        return accounts.Where(a => admin || a.Id == own);
    }
}
