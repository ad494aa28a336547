using Dnd.Rules.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Workflows.Consent;

/// <summary>Reads an account's settings; read inside a write they are the ones its decisions use.</summary>
public sealed class AccountSettingsStore(DndDbContext db)
{
    public async Task<AccountSettings> SettingsAsync(string accountId, CancellationToken ct = default) =>
        AccountSettingsJson.Parse(await JsonAsync(accountId, ct));

    public async Task<AccountProfile> ProfileAsync(string accountId, CancellationToken ct = default) =>
        AccountSettingsJson.ParseProfile(await JsonAsync(accountId, ct));

    private Task<string> JsonAsync(string accountId, CancellationToken ct) =>
        db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.SettingsJson).SingleAsync(ct);
}
