using Dnd.Crm.Users;
using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Accounts;

/// <summary>A person who signs in to the operator app.</summary>
/// <param name="Role">account_admin or account_user for the account; agency_admin sees every account.</param>
public sealed record CreateUserRequest(string? Email, string? Password, string? Role = null, string? DisplayName = null)
{
    public string RoleOrDefault => Role?.Trim().ToLowerInvariant() ?? OperatorRoles.AccountUser;

    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public void Validate()
    {
        var errors = new FieldErrors().Required("email", Email).MaxLength("email", Email, ApiLimits.EmailLength).Required("password", Password)
            .MaxLength("password", Password, ApiLimits.NameLength).MaxLength("displayName", DisplayName, ApiLimits.NameLength);
        if (!OperatorRoles.All.Contains(RoleOrDefault))
        {
            errors.Add("role", $"role must be one of {string.Join(", ", OperatorRoles.All)}");
        }
        errors.ThrowIfAny("The user is invalid.");
    }
}
