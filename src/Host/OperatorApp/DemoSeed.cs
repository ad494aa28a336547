using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Crm.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// In Development, a user to sign in with, in the seeded demo account (appsettings.Development.json's, whose API key
/// reaches the same data), printed at start (README names them), so the app can be tried at once. Never in
/// Production: there, users are made with POST /admin/accounts/{id}/users.
/// </summary>
public static class DemoSeed
{
    public const string AccountId = "demo-location";
    public const string Email = "demo@dnd.local";
    public const string Password = "demo-password-1";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        if (!await db.Accounts.AnyAsync(a => a.Id == AccountId, ct))
        {
            db.Accounts.Add(new AccountRecord { Id = AccountId, Name = "Demo location" });
            await db.SaveChangesAsync(ct);
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        if (await users.FindByEmailAsync(Email) is null)
        {
            var created = await users.CreateAsync(new OperatorUser
            {
                UserName = Email, Email = Email, EmailConfirmed = true, AccountId = AccountId, Role = OperatorRoles.AccountAdmin, DisplayName = "Demo admin",
            }, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Dnd.Demo").LogWarning(
            "Development: sign in to the operator app at /app as {Email} with password {Password} (account {Account}).", Email, Password, AccountId);
    }
}
