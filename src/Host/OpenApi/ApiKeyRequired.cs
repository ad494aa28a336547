using Dnd.Host.Auth;

namespace Dnd.Host.OpenApi;

/// <summary>
/// Endpoint metadata: this endpoint authenticates with <see cref="ApiKeyFilter"/>. Endpoint filters leave no trace in
/// endpoint metadata, so the OpenAPI document could not otherwise tell which operations need the bearer API key.
/// </summary>
public sealed class ApiKeyRequired
{
    public static readonly ApiKeyRequired Instance = new();

    private ApiKeyRequired()
    {
    }
}

public static class ApiKeyRequiredExtensions
{
    /// <summary>
    /// Authenticates every endpoint of the group with the account's API key and says so in the OpenAPI document:
    /// one call, so the filter and what the document claims cannot drift apart.
    /// </summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<ApiKeyFilter>().WithMetadata(ApiKeyRequired.Instance);
}
