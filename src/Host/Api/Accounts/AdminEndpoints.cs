using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Dnd.Crm.Consent;
using Dnd.Crm.Integrations;
using Dnd.Crm.Users;
using Microsoft.AspNetCore.Identity;

namespace Dnd.Host.Api.Accounts;

/// <summary>Operator endpoints (X-Admin-Key): create accounts and issue API keys. Off when no admin key is configured.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAdminKey()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        admin.MapPost("/accounts", CreateAccountAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/accounts/{accountId}/api-keys", IssueKeyAsync).ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/accounts/{accountId}/users", CreateUserAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// A person for the operator app, in this account (an agency admin's account is where they start). Identity's own
    /// checks (a taken e-mail, a weak password) are a 422 naming the field.
    /// </summary>
    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateUserAsync(string accountId, CreateUserRequest body, DndDbContext db,
        UserManager<OperatorUser> users, CancellationToken ct)
    {
        body.Validate();
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No account {accountId}.");
        }
        var email = body.Email!.Trim();
        var user = new OperatorUser
        {
            UserName = email, Email = email, EmailConfirmed = true, Role = body.RoleOrDefault, DisplayName = body.DisplayName?.Trim() ?? "",
            AccountId = accountId,
        };
        var created = await users.CreateAsync(user, body.Password!);
        if (!created.Succeeded)
        {
            var errors = new FieldErrors();
            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", error.Description);
            }
            errors.ThrowIfAny("The user could not be created.");
        }
        return TypedResults.Created($"/admin/accounts/{accountId}/users/{user.Id}", new UserResponse(user.Id, email, user.AccountId, user.Role));
    }

    /// <summary>The account, its first API key, and any webhook secrets given, kept protected on its integrations (not connected yet).</summary>
    private static async Task<Created<ApiKeyResponse>> CreateAccountAsync(CreateAccountRequest body, DndDbContext db, AccountCache accounts,
        IntegrationStore integrations, TimeProvider clock, CancellationToken ct)
    {
        body.Validate();
        if (await db.Accounts.AnyAsync(a => a.Id == body.Id, ct))
        {
            throw new ApiValidationException($"Account {body.Id} already exists.", status: StatusCodes.Status409Conflict, title: "Conflict");
        }
        db.Accounts.Add(new AccountRecord { Id = body.Id!, Name = body.Name! });
        await WebhookSecrets.SetAsync(integrations, body.Id!, body.TwilioAuthToken, body.MailgunSigningKey, "admin", ct);
        var key = Issue(db, body.Id!, "initial", clock);
        await db.SaveChangesAsync(ct);
        // Misses are not cached, so this changes nothing today; it keeps "every account write invalidates" true.
        accounts.Invalidate(body.Id!);
        return TypedResults.Created($"/admin/accounts/{body.Id}", new ApiKeyResponse(body.Id!, key));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> IssueKeyAsync(string accountId, DndDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown account", detail: $"No account {accountId}.");
        }
        var key = Issue(db, accountId, "issued", clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ApiKeyResponse(accountId, key));
    }

    private static string Issue(DndDbContext db, string accountId, string name, TimeProvider clock)
    {
        var key = ApiKeyHasher.NewKey();
        db.ApiKeys.Add(new ApiKeyRecord { KeyHash = ApiKeyHasher.Hash(key), AccountId = accountId, Name = name, CreatedAt = clock.GetUtcNow() });
        return key;
    }
}
