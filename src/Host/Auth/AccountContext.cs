using Dnd.Host.Errors;

namespace Dnd.Host.Auth;

/// <summary>The account the request's API key belongs to; every query of tenant data filters by it.</summary>
public sealed class AccountContext
{
    private string? _accountId;

    public string AccountId => _accountId ?? throw new InvalidOperationException("No authenticated account on this request.");

    internal void Set(string accountId) => _accountId = accountId;

    /// <summary>HighLevel requests carry a locationId; it must be the key's own.</summary>
    public bool Owns(string? locationId) => string.IsNullOrEmpty(locationId) || locationId == AccountId;

    /// <exception cref="ApiValidationException">403 when the request names another location.</exception>
    public void EnsureOwns(string? locationId)
    {
        if (!Owns(locationId))
        {
            throw new ApiValidationException($"This API key belongs to location {AccountId}, not {locationId}.",
                status: StatusCodes.Status403Forbidden, title: "Wrong location");
        }
    }
}
