using Microsoft.AspNetCore.Antiforgery;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// The antiforgery token for a page of this site that calls the API with the signed-in person's cookie (the designer
/// opened from the app): it sends the token in the named header on every change. Only same-origin script can read the
/// answer, so a cross-site page cannot forge one.
/// </summary>
public static class AntiforgeryEndpoints
{
    public static void MapAntiforgeryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/app/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            http.User.Identity?.IsAuthenticated == true && antiforgery.GetAndStoreTokens(http) is { HeaderName: { } header, RequestToken: { } token }
                ? Results.Ok(new { headerName = header, token })
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Sign in to the operator app first."))
            .ExcludeFromDescription();
}
