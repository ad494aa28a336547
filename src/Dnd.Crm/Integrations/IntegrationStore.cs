using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Crm.Integrations;

/// <summary>
/// Connects, updates and disconnects an account's integrations: each change audited, made inside the account's write
/// (with the holds or releases of its messages), and the account's cached copy dropped once committed. Contacts' DND
/// is never touched here.
/// </summary>
public sealed class IntegrationStore(CrmDbContext db, AccountWrites writes, IIntegrationCache cache, IntegrationSecrets protector, TimeProvider clock)
{
    /// <summary>Saves a connection the provider has accepted, releasing messages its disconnect held.</summary>
    /// <param name="secrets">Every secret the integration keeps from now on (the caller merged what the request left out).</param>
    public async Task<StoredIntegration> ConnectAsync(string accountId, string provider, IntegrationSettings settings,
        IReadOnlyDictionary<string, string> secrets, string actedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Protected before the write: Data Protection may write a new key to the database while protecting (a key ring
        // due for rotation), which on SQLite would wait for the very writer this account's write holds.
        var sealedSecrets = protector.Protect(secrets);
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await RowAsync(accountId, provider, ct);
        var before = row is null ? null : StoredIntegration.From(row, protector);
        row ??= Add(accountId, provider);
        var action = before?.Connected == true ? IntegrationEventKinds.Updated : IntegrationEventKinds.Connected;
        var detail = IntegrationDiff.Describe(before, settings, secrets);
        if (!before?.Connected ?? true)
        {
            (row.ConnectedAt, row.ConnectedBy) = (now, actedBy);
        }
        (row.Status, row.SettingsJson, row.ProtectedSecrets, row.ChangedAt, row.ChangedBy) =
            (IntegrationStatus.Connected, settings.Serialize(), sealedSecrets, now, actedBy);
        var released = await IntegrationHolds.ReleaseAsync(db, accountId, provider, ct);
        Audit(accountId, provider, action, actedBy, now, released > 0 ? $"{detail}; {released} held messages released" : detail);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        cache.Invalidate(accountId);
        return StoredIntegration.From(row, protector);
    }

    /// <summary>
    /// Stops sending on the provider's channels: its queued messages are held. Its settings and secrets are kept, so its
    /// webhooks (a contact's STOP) still verify and connecting again needs no secret re-entered.
    /// </summary>
    /// <returns>The integration, or null when it was never connected (nothing to disconnect).</returns>
    public async Task<StoredIntegration?> DisconnectAsync(string accountId, string provider, string actedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var write = await writes.BeginAsync(accountId, ct);
        var row = await RowAsync(accountId, provider, ct);
        if (row is null || row.Status == IntegrationStatus.NotConnected)
        {
            return null;
        }
        if (row.Status == IntegrationStatus.Connected)
        {
            (row.Status, row.ChangedAt, row.ChangedBy) = (IntegrationStatus.Disconnected, now, actedBy);
            var held = await IntegrationHolds.HoldAsync(db, accountId, provider, ct);
            Audit(accountId, provider, IntegrationEventKinds.Disconnected, actedBy, now,
                $"sending on {string.Join(", ", IntegrationProviders.Channels(provider).Select(Dnd.Rules.Consent.ChannelNames.ToWire))} stopped; {held} queued messages held");
            await db.SaveChangesAsync(ct);
        }
        await write.CommitAsync(ct);
        cache.Invalidate(accountId);
        return StoredIntegration.From(row, protector);
    }

    /// <summary>
    /// A webhook secret given without a connect (account creation, seed accounts, the legacy plaintext columns): kept
    /// protected on the provider's row, which stays not connected. The caller saves.
    /// </summary>
    public async Task SetWebhookSecretAsync(string accountId, string provider, string field, string value, string actedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = await RowAsync(accountId, provider, ct) ?? Add(accountId, provider);
        var secrets = new Dictionary<string, string>(protector.Unprotect(row.ProtectedSecrets)) { [field] = value };
        (row.ProtectedSecrets, row.ChangedAt, row.ChangedBy) = (protector.Protect(secrets), now, actedBy);
        Audit(accountId, provider, IntegrationEventKinds.WebhookSecretSet, actedBy, now, $"{field} set");
        cache.Invalidate(accountId);
    }

    public Task<List<IntegrationEventRecord>> EventsAsync(string accountId, int limit, CancellationToken ct) =>
        db.IntegrationEvents.AsNoTracking().Where(e => e.AccountId == accountId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(limit).ToListAsync(ct);

    private async Task<IntegrationRecord?> RowAsync(string accountId, string provider, CancellationToken ct) =>
        db.Integrations.Local.FirstOrDefault(i => i.AccountId == accountId && i.Provider == provider)
        ?? await db.Integrations.SingleOrDefaultAsync(i => i.AccountId == accountId && i.Provider == provider, ct);

    private IntegrationRecord Add(string accountId, string provider)
    {
        var row = new IntegrationRecord { AccountId = accountId, Provider = provider, Status = IntegrationStatus.NotConnected };
        db.Integrations.Add(row);
        return row;
    }

    private void Audit(string accountId, string provider, string action, string actedBy, DateTimeOffset at, string detail) =>
        db.IntegrationEvents.Add(IntegrationAudit.Event(accountId, provider, action, actedBy, at, detail));
}
