using Microsoft.AspNetCore.Identity;

namespace Dnd.Crm.Users;

/// <summary>
/// A person who signs in to the operator app (ASP.NET Core Identity's user): staff of one account, or an agency
/// admin who sees every account and switches between them. API keys stay for the API.
/// </summary>
public sealed class OperatorUser : IdentityUser
{
    /// <summary>The account the user works in; null for an agency admin (every account).</summary>
    public string? AccountId { get; set; }

    /// <summary><see cref="OperatorRoles"/>.</summary>
    public string Role { get; set; } = OperatorRoles.AccountUser;

    public string DisplayName { get; set; } = "";
}
