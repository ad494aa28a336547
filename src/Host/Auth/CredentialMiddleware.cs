using System.Security.Cryptography;
using System.Text;
using Dnd.Host.Configuration;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dnd.Host.Auth;

/// <summary>
/// Checks the endpoint's <see cref="Credential"/> before anything reads the request: a caller without a valid key
/// gets 401 whatever its body, as HighLevel answers, and learns nothing about the shapes the endpoint accepts.
/// An API key binds the request to its account; a locationId in the query must be that account.
/// </summary>
public sealed class CredentialMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, DndDbContext db, AccountContext account, IOptions<DndOptions> options)
    {
        var refusal = http.GetEndpoint()?.Metadata.GetMetadata<Credential>()?.Kind switch
        {
            CredentialKind.ApiKey => await ApiKeyAsync(http, db, account),
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

    private static async Task<IResult?> ApiKeyAsync(HttpContext http, DndDbContext db, AccountContext account)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length <= scheme.Length)
        {
            return Unauthorized("Send your API key as 'Authorization: Bearer <key>'.");
        }
        var hash = ApiKeyHasher.Hash(header[scheme.Length..].Trim());
        var accountId = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash).Select(k => k.AccountId).FirstOrDefaultAsync(http.RequestAborted);
        if (accountId is null)
        {
            return Unauthorized("The API key is not valid.");
        }
        account.Set(accountId);
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
