using Dnd.Crm.Templates;
using Dnd.Crm.Persistence;
using Dnd.Rules.Data;

namespace Dnd.Crm.Consent;

/// <summary>
/// Reads an account's settings through the process's <see cref="AccountCache"/>. In the process that changed them
/// the new settings apply at once (PUT /locations/dnd-settings invalidates); another server process on the same
/// database applies them within <see cref="AccountCache.TimeToLive"/>.
/// </summary>
public sealed class AccountSettingsStore(CrmDbContext db, AccountCache cache)
{
    public async Task<AccountSettings> SettingsAsync(string accountId, CancellationToken ct = default) =>
        (await AccountAsync(accountId, ct)).Settings;

    public async Task<AccountProfile> ProfileAsync(string accountId, CancellationToken ct = default) =>
        (await AccountAsync(accountId, ct)).Profile;

    /// <summary>The account as the sender of its messages: its compliance texts and how they name it.</summary>
    public async Task<Sender> SenderAsync(string accountId, CancellationToken ct = default) => (await AccountAsync(accountId, ct)).Sender;

    /// <exception cref="InvalidOperationException">No such account: callers hold an authenticated account id.</exception>
    private async Task<CachedAccount> AccountAsync(string accountId, CancellationToken ct) =>
        await cache.FindAsync(db, accountId, ct) ?? throw new InvalidOperationException($"No account {accountId}.");
}
