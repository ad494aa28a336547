using Dnd.Crm.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// The operator app's sign-in and sign-out: form posts with the antiforgery token, answered with a redirect and the
/// Identity cookie. Not part of the API (API keys stay for the API).
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // The form is read by hand once the token is checked: a bound form with a bad token is a 500 from the generated code.
        app.MapPost("/app/account/sign-in", SignInAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapPost("/app/account/sign-out", async (HttpContext http, SignInManager<OperatorUser> signIn) =>
        {
            if (Refused(http) is { } refused)
            {
                return refused;
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/app/sign-in");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet("/", () => TypedResults.LocalRedirect("/app")).ExcludeFromDescription();
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignInManager<OperatorUser> signIn)
    {
        if (Refused(http) is { } refused)
        {
            return refused;
        }
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var (email, password, returnUrl) = (form["email"].ToString().Trim(), form["password"].ToString(), form["returnUrl"].ToString());
        // Only a path of this app: an address elsewhere would make the sign-in page an open redirect.
        var back = returnUrl.StartsWith("/app", StringComparison.Ordinal) ? returnUrl : "/app";
        var result = email.Length == 0 || password.Length == 0
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded
            ? TypedResults.LocalRedirect(back)
            : TypedResults.LocalRedirect($"/app/sign-in?error={(result.IsLockedOut ? "locked" : "invalid")}&returnUrl={Uri.EscapeDataString(back)}");
    }

    private static IResult? Refused(HttpContext http) =>
        // The token first: even asking whether the body is a form throws once the token was found bad.
        http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } || !http.Request.HasFormContentType
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The sign-in form's antiforgery token is missing or no longer valid: reload the page and try again.")
            : null;
}
