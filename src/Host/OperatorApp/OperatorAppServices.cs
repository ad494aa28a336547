using Dnd.Activities.Persistence;
using Dnd.Crm.Users;
using Dnd.Host.Auth;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Dnd.Host.OperatorApp;

/// <summary>The operator app: a Blazor Web App (interactive server rendering) with MudBlazor, behind ASP.NET Core Identity's cookie.</summary>
public static class OperatorAppServices
{
    public static WebApplicationBuilder AddDndOperatorApp(this WebApplicationBuilder builder)
    {
        // MudBlazor's CSS and JS (_content/MudBlazor) from the build's static web assets, in every environment, through the
        // pipeline's UseStaticFiles. MapStaticAssets' endpoints were tried: they made GET /smart-lists/{id}/contacts a 404.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/app/sign-in";
            o.LogoutPath = "/app/account/sign-out";
            o.Cookie.Name = "dnd.operator";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddIdentityCore<OperatorUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over character classes, as NIST SP 800-63B advises.
                o.Password.RequiredLength = 12;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<DndDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OperatorClaims>()
            .AddDefaultTokenProviders();
        builder.Services.AddScoped<OperatorSession>();
        builder.Services.AddSingleton<IOperatorSessionCheck, OperatorSessionCheck>();
        return builder;
    }

    public static WebApplication UseDndOperatorApp(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapDndOperatorApp(this WebApplication app)
    {
        app.MapSignInEndpoints();
        app.MapAntiforgeryEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
