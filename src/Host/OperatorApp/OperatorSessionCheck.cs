using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// The operator app's sign-in cookie as the credential of an API endpoint that accepts it (the designer opened from the
/// app, which holds no key): the person acts in the account the request names (locationId, else their own) when they
/// may work there, and a request that changes something must carry the antiforgery token, which a cross-site page
/// cannot read. The ledger then names the person, as it does for the app.
/// </summary>
public sealed class OperatorSessionCheck : IOperatorSessionCheck
{
    /// <inheritdoc/>
    public async Task<IResult?> CheckAsync(HttpContext http, AccountContext account, IResult notSignedIn)
    {
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!cookie.Succeeded || OperatorIdentity.From(cookie.Principal) is not { } who)
        {
            return notSignedIn;
        }
        // Antiforgery tokens are issued to the person, and this runs before the pipeline's own authentication.
        http.User = cookie.Principal;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid",
                    detail: "A signed-in request that changes something must send the token from GET /app/antiforgery in its header; reload the page and try again.");
            }
        }
        var named = http.Request.Query["locationId"].ToString();
        var accountId = named.Length > 0 ? named : who.OwnAccountId;
        var db = http.RequestServices.GetRequiredService<DndDbContext>();
        if (accountId is null || !await who.Usable(db.Accounts.AsNoTracking()).AnyAsync(a => a.Id == accountId, http.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Wrong location",
                detail: $"{who.UserName} may not work in location {accountId ?? "(none)"}.");
        }
        account.SetUser(accountId, who.UserName, who.UserId, http.Connection.RemoteIpAddress?.ToString());
        return null;
    }
}
