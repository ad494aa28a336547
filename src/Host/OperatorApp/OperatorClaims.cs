using System.Security.Claims;
using Dnd.Crm.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dnd.Host.OperatorApp;

/// <summary>The signed-in person's account and role, carried in the cookie so no screen asks the database who they are.</summary>
public sealed class OperatorClaims(UserManager<OperatorUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OperatorUser>(users, options)
{
    public const string Account = "dnd:account";
    public const string Role = "dnd:role";
    public const string DisplayName = "dnd:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OperatorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Role, user.Role));
        identity.AddClaim(new Claim(DisplayName, user.DisplayName.Length > 0 ? user.DisplayName : user.Email ?? user.UserName ?? user.Id));
        if (user.AccountId is not null)
        {
            identity.AddClaim(new Claim(Account, user.AccountId));
        }
        return identity;
    }
}
