using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Errors;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// Writes a change to the account's settings row: the consent settings, the compliance texts, or both at once (the
/// operator app saves its Compliance screen in one go). Every part is checked before anything is written, so a
/// refused change changes nothing; once committed the account's cached copy is dropped.
/// </summary>
public static class AccountSettingsWriter
{
    /// <exception cref="ApiValidationException">422 naming every field at fault, of both parts; nothing was saved.</exception>
    public static async Task<CachedAccount> SaveAsync(DndDbContext db, AccountCache accounts, string accountId, AccountSettingsRequest? settings,
        ComplianceRequest? compliance, CancellationToken ct)
    {
        var row = await db.Accounts.SingleAsync(a => a.Id == accountId, ct);
        var (current, profile, texts) = (AccountSettingsJson.Parse(row.SettingsJson), AccountSettingsJson.ParseProfile(row.SettingsJson),
            AccountSettingsJson.ParseCompliance(row.SettingsJson));
        var refused = new List<ApiValidationException>();
        try
        {
            (current, profile) = settings is null ? (current, profile) : AccountSettingsChange.Apply(current, profile, settings);
        }
        catch (ApiValidationException e)
        {
            refused.Add(e);
        }
        try
        {
            texts = compliance is null ? texts : ComplianceChange.Apply(texts, compliance);
        }
        catch (ApiValidationException e)
        {
            refused.Add(e);
        }
        if (refused.Count == 1)
        {
            throw refused[0];
        }
        if (refused.Count > 1)
        {
            throw new ApiValidationException("The settings are invalid; nothing was changed.", refused.SelectMany(e => e.Errors ?? []).ToList(),
                fields: refused.SelectMany(e => e.Fields ?? []).Distinct().ToList());
        }
        row.SettingsJson = AccountSettingsJson.Serialize(current, profile, texts);
        await db.SaveChangesAsync(ct);
        // After the commit: this process decides with the new settings from the next request on; other server
        // processes when their cached copy expires (AccountCache.TimeToLive).
        accounts.Invalidate(accountId);
        return await accounts.FindAsync(db, accountId, ct) ?? throw new InvalidOperationException($"No account {accountId}.");
    }
}
