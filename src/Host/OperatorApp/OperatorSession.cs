using Dnd.Activities.Persistence;
using Dnd.Crm.Users;
using Dnd.Host.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.OperatorApp;

/// <summary>
/// Who is working and in which account, for one circuit (a browser tab), read once from the sign-in cookie's claims.
/// Each screen's action runs in a scope of its own, as a request does (<see cref="RunAsync{T}"/>), whose
/// <see cref="AccountContext"/> names this account and this person: the services the API uses then act for the
/// account and the ledger says who acted. An agency admin picks the account (<see cref="Switch"/>).
/// </summary>
public sealed class OperatorSession(AuthenticationStateProvider auth, IServiceScopeFactory scopes)
{
    private bool _ready;

    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = OperatorRoles.AccountUser;
    public string AccountId { get; private set; } = "";
    public string AccountName { get; private set; } = "";

    /// <summary>Accounts this person may work in: every one for an agency admin, else their own.</summary>
    public IReadOnlyList<(string Id, string Name)> Accounts { get; private set; } = [];

    public bool IsAgencyAdmin => Role == OperatorRoles.AgencyAdmin;

    /// <summary>Raised when an agency admin switches account, so open screens reload.</summary>
    public event Action? AccountChanged;

    public async Task EnsureAsync()
    {
        if (_ready)
        {
            return;
        }
        var who = OperatorIdentity.From((await auth.GetAuthenticationStateAsync()).User)
                  ?? throw new InvalidOperationException("No signed-in user on this circuit.");
        (UserId, UserName, Role) = (who.UserId, who.UserName, who.Role);
        var own = who.OwnAccountId;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        Accounts = (await who.Usable(db.Accounts.AsNoTracking()).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync())
            .Select(a => (a.Id, a.Name)).ToList();
        var start = Accounts.FirstOrDefault(a => a.Id == own);
        Use(start.Id is null ? Accounts.FirstOrDefault() : start);
        _ready = true;
    }

    /// <summary>An agency admin moves to another account; anyone else stays in theirs.</summary>
    public void Switch(string accountId)
    {
        if (Accounts.FirstOrDefault(a => a.Id == accountId) is { Id: not null } target && target.Id != AccountId)
        {
            Use(target);
            AccountChanged?.Invoke();
        }
    }

    /// <summary>Runs one action in a scope of its own, acting for this account as this person.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await EnsureAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccountContext>().SetUser(AccountId, UserName, UserId);
        return await work(scope.ServiceProvider);
    }

    private void Use((string Id, string Name) target)
    {
        (AccountId, AccountName) = target.Id is null
            ? throw new InvalidOperationException($"{UserName} belongs to no account.")
            : (target.Id, target.Name);
    }
}
