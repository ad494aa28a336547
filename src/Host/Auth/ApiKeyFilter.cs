using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Auth;

/// <summary>Authenticates "Authorization: Bearer &lt;api key&gt;" and binds the request to that key's account.</summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length <= scheme.Length)
        {
            return Unauthorized("Send your API key as 'Authorization: Bearer <key>'.");
        }
        var hash = ApiKeyHasher.Hash(header[scheme.Length..].Trim());
        var db = http.RequestServices.GetRequiredService<DndDbContext>();
        var accountId = await db.ApiKeys.AsNoTracking().Where(k => k.KeyHash == hash).Select(k => k.AccountId).FirstOrDefaultAsync();
        if (accountId is null)
        {
            return Unauthorized("The API key is not valid.");
        }
        http.RequestServices.GetRequiredService<AccountContext>().Set(accountId);
        var location = http.Request.Query["locationId"].ToString();
        if (!string.IsNullOrEmpty(location) && location != accountId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong location",
                detail: $"This API key belongs to location {accountId}, not {location}.");
        }
        return await next(context);
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
}
