using Dnd.Activities.Persistence;
using System.Security.Cryptography;
using System.Text;
using Dnd.Host.Configuration;
using Dnd.Shared.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Auth;

/// <summary>
/// Checks the endpoint's <see cref="Credential"/> before anything reads the request: a caller without a valid key
/// gets 401 whatever its body, as HighLevel answers, and learns nothing about the shapes the endpoint accepts.
/// An API key binds the request to its account; a locationId in the query must be that account. Endpoints marked with
/// <see cref="OperatorSessionCredential.Accepted"/> also take the operator app's cookie when no key is sent.
/// </summary>
public sealed class CredentialMiddleware(RequestDelegate next)
{
    /// <summary>Distinct API keys remembered at once; past it expired ones are dropped (all, when none has expired).</summary>
    public const int ApiKeyCacheCapacity = 10_000;

    /// <summary>
    /// Keys are only ever added (there is no revocation yet), so a remembered key cannot turn wrong; the age bound
    /// only limits how long a key deleted from the database by hand keeps working. A revocation endpoint must
    /// invalidate this cache, and other processes would see the revocation after this long.
    /// </summary>
    public static readonly TimeSpan ApiKeyCacheTimeToLive = TimeSpan.FromMinutes(5);

    // One per server (the middleware is created once per pipeline): each presented key is hashed and looked up once,
    // then every request with it is a dictionary read. Unknown keys are not remembered, so a key issued later works
    // at once and guessing fills nothing.
    private readonly ExpiringCache<string, KnownKey> _accountByKey = new(ApiKeyCacheCapacity, ApiKeyCacheTimeToLive);

    /// <summary>A key's account, and its name and id for the ledger (the id: the start of its hash, never the key).</summary>
    private sealed record KnownKey(string AccountId, string Name, string Id);

    // No DbContext among the parameters: one was built for every request, webhooks included, and its construction
    // (EF's options and service-provider lookup) was about a quarter of a webhook's request-side time in a profile
    // under load. It is taken from the request's services only when a key is not cached yet.
    public async Task InvokeAsync(HttpContext http, AccountContext account, IOptions<DndOptions> options)
    {
        var refusal = http.GetEndpoint()?.Metadata.GetMetadata<Credential>()?.Kind switch
        {
            CredentialKind.ApiKey => await ApiKeyAsync(http, account),
            CredentialKind.AdminKey => AdminKey(http, options.Value.AdminKey),
            _ => null,
        };
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private async Task<IResult?> ApiKeyAsync(HttpContext http, AccountContext account)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length <= scheme.Length)
        {
            var noKey = Unauthorized("Send your API key as 'Authorization: Bearer <key>'.");
            return http.GetEndpoint()?.Metadata.GetMetadata<OperatorSessionCredential>() is not null
                   && http.RequestServices.GetService<IOperatorSessionCheck>() is { } session
                ? await session.CheckAsync(http, account, noKey)
                : noKey;
        }
        var known = await _accountByKey.GetOrLoadAsync(header[scheme.Length..].Trim(), http.RequestServices, static (key, services, ct) =>
        {
            var hash = ApiKeyHasher.Hash(key);
            return services.GetRequiredService<DndDbContext>().ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash)
                .Select(k => new KnownKey(k.AccountId, k.Name, "key_" + k.KeyHash.Substring(0, 8))).FirstOrDefaultAsync(ct);
        }, http.RequestAborted);
        if (known is null)
        {
            return Unauthorized("The API key is not valid.");
        }
        var accountId = known.AccountId;
        account.Set(accountId, known.Name, known.Id, http.Connection.RemoteIpAddress?.ToString());
        var location = http.Request.Query["locationId"].ToString();
        return string.IsNullOrEmpty(location) || location == accountId
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong location",
                detail: $"This API key belongs to location {accountId}, not {location}.");
    }

    private static IResult? AdminKey(HttpContext http, string configured)
    {
        var given = http.Request.Headers["X-Admin-Key"].ToString();
        if (!string.IsNullOrEmpty(configured) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(given)))
        {
            return null;
        }
        return Unauthorized(string.IsNullOrEmpty(configured) ? "The admin API is disabled (Dnd:AdminKey is not set)." : "X-Admin-Key is missing or wrong.");
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
}
