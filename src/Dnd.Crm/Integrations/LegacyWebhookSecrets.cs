using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Earlier releases kept the webhook secrets in plaintext on the accounts row. At start-up any still there move into
/// the integrations' protected store and the columns are cleared, so the integration is the one place they are read from.
/// </summary>
public static class LegacyWebhookSecrets
{
    /// <returns>How many accounts had secrets moved.</returns>
    public static async Task<int> MoveAsync(CrmDbContext db, IntegrationStore store, CancellationToken ct)
    {
        // Almost always none: a plain query says so without compiling the LINQ below, the first a start would compile.
        var entity = db.Model.FindEntityType(typeof(AccountRecord))!;
        string Column(string property) => PlainSql.Column(entity, property);
        var any = await PlainSql.StringsAsync(db.Database, $"SELECT {Column(nameof(AccountRecord.Id))} FROM {PlainSql.Table(entity)} " +
            $"WHERE {Column(nameof(AccountRecord.TwilioAuthToken))} IS NOT NULL OR {Column(nameof(AccountRecord.MailgunSigningKey))} IS NOT NULL LIMIT 1", ct);
        if (any is [])
        {
            return 0;
        }
        var accounts = await db.Accounts.Where(a => a.TwilioAuthToken != null || a.MailgunSigningKey != null).ToListAsync(ct);
        foreach (var account in accounts)
        {
            await WebhookSecrets.SetAsync(store, account.Id, account.TwilioAuthToken, account.MailgunSigningKey, "upgrade", ct);
            (account.TwilioAuthToken, account.MailgunSigningKey) = (null, null);
        }
        await db.SaveChangesAsync(ct);
        return accounts.Count;
    }
}
