using Dnd.Host.Errors;
using Dnd.Rules.Events;

namespace Dnd.Host.Auth;

/// <summary>The account the request's API key belongs to; every query of tenant data filters by it.</summary>
public sealed class AccountContext
{
    private string? _accountId;

    public string AccountId => _accountId ?? throw new InvalidOperationException("No authenticated account on this request.");

    /// <summary>The API key's name (as its owner named it) and id, for the ledger; null for requests without a key.</summary>
    public string? KeyName { get; private set; }

    public string? KeyId { get; private set; }

    /// <summary>The caller's IP address as this server saw it.</summary>
    public string? ClientIp { get; private set; }

    /// <summary>The signed-in person acting through the operator app, when it is one (then there is no key).</summary>
    public string? UserName { get; private set; }

    /// <summary>Who acts, as a ledger line names it.</summary>
    public string ActedBy => _actedBy ?? (UserName is not null ? $"user '{UserName}' ({KeyId})" : KeyName is null ? "api" : $"api key '{KeyName}' ({KeyId})");

    private string? _actedBy;

    internal void Set(string accountId, string? keyName = null, string? keyId = null, string? clientIp = null)
    {
        _accountId = accountId;
        (KeyName, KeyId, ClientIp) = (keyName, keyId, clientIp);
    }

    /// <summary>The operator app's signed-in person, working in <paramref name="accountId"/> (in the app, or through the API with the app's cookie).</summary>
    internal void SetUser(string accountId, string userName, string userId, string? clientIp = null)
    {
        _accountId = accountId;
        (UserName, KeyName, KeyId, ClientIp) = (userName, null, userId, clientIp);
    }

    /// <summary>
    /// Work done later for whoever asked for it, outside their request (an import's batches): changes are theirs
    /// (<paramref name="by"/>), and the ledger names them and what acted for them (<paramref name="actedBy"/>).
    /// </summary>
    internal void SetDelegated(string accountId, string by, string actedBy)
    {
        _accountId = accountId;
        (UserName, KeyName, KeyId, ClientIp, _actedBy) = (null, by, null, null, actedBy);
    }

    /// <summary>The event, saying that this request's key acted, from this request's address.</summary>
    public T Stamp<T>(T evt) where T : ConsentEvent => evt with { ActedBy = ActedBy, ClientIp = ClientIp };

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
