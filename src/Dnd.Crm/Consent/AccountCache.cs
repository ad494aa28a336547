using Dnd.Crm.Templates;
using Dnd.Rules.Data;
using Dnd.Shared.Caching;
using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Consent;

/// <summary>
/// The accounts rows (provider secrets, settings already parsed) this process has read recently, so webhooks and
/// every settings read do not query the database each time. Accounts change only through the admin endpoints and
/// PUT /locations/dnd-settings, which call <see cref="Invalidate"/> once committed.
/// </summary>
/// <remarks>
/// The cache is per process. With several server processes on one database (PostgreSQL scale-out) a change made
/// through one reaches the others when their copy expires, after at most <see cref="TimeToLive"/>: that long, another
/// process may still decide with the previous keyword lists or region. Kept short for that reason.
/// </remarks>
public sealed class AccountCache(IntegrationSecrets secrets) : IIntegrationCache
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    /// <summary>Accounts kept at once; past it expired copies are dropped (all, when none has expired) and read again when needed.</summary>
    public const int Capacity = 10_000;

    private readonly ExpiringCache<string, CachedAccount> _accounts = new(Capacity, TimeToLive);

    /// <returns>The account, or null when there is none with that id (a miss is not cached).</returns>
    public ValueTask<CachedAccount?> FindAsync(CrmDbContext db, string accountId, CancellationToken ct) =>
        _accounts.GetOrLoadAsync(accountId, (this, db), static (id, state, ct) => state.Item1.Load(id, state.db, ct), ct);

    /// <summary>The row with its integrations, their secrets unprotected here, once per load rather than per request.</summary>
    private async Task<CachedAccount?> Load(string id, CrmDbContext db, CancellationToken ct)
    {
        if (await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is not { } row)
        {
            return null;
        }
        var integrations = await db.Integrations.AsNoTracking().Where(i => i.AccountId == id).ToListAsync(ct);
        return CachedAccount.From(row, new AccountIntegrations(integrations.ToDictionary(i => i.Provider, i => StoredIntegration.From(i, secrets))));
    }

    /// <summary>The same, with the DbContext taken from <paramref name="scope"/> only on a miss: a hit builds none.</summary>
    public ValueTask<CachedAccount?> FindAsync(IServiceProvider scope, string accountId, CancellationToken ct) =>
        _accounts.GetOrLoadAsync(accountId, (this, scope),
            static (id, state, ct) => state.Item1.Load(id, state.scope.GetRequiredService<CrmDbContext>(), ct), ct);

    public async ValueTask<AccountIntegrations?> IntegrationsAsync(IServiceProvider scope, string accountId, CancellationToken ct) =>
        (await FindAsync(scope, accountId, ct))?.Integrations;

    public void Invalidate(string accountId) => _accounts.Invalidate(accountId);
}

/// <summary>An account as read, with its settings parsed once; shared between requests, so never changed.</summary>
/// <param name="Integrations">Its providers, secrets unprotected; they also hold the secrets that verify its webhooks.</param>
public sealed record CachedAccount(string Id, string Name, string SettingsJson, AccountIntegrations Integrations,
    AccountSettings Settings, AccountProfile Profile, ComplianceSettings Compliance)
{
    public static CachedAccount From(AccountRecord row, AccountIntegrations integrations) => new(row.Id, row.Name, row.SettingsJson, integrations,
        AccountSettingsJson.Parse(row.SettingsJson), AccountSettingsJson.ParseProfile(row.SettingsJson), AccountSettingsJson.ParseCompliance(row.SettingsJson));

    /// <summary>Verifies X-Twilio-Signature on the account's Twilio webhooks (<see cref="AccountIntegrations.TwilioAuthToken"/>).</summary>
    public string? TwilioAuthToken => Integrations.TwilioAuthToken;

    /// <summary>Verifies the account's Mailgun webhooks (<see cref="AccountIntegrations.MailgunSigningKey"/>).</summary>
    public string? MailgunSigningKey => Integrations.MailgunSigningKey;

    /// <summary>The account as the sender of its messages: made once with the cached copy, not on every send.</summary>
    public Sender Sender { get; } = new(Compliance, new AccountModel(Name, Compliance.BusinessName ?? Name, Compliance.BusinessAddress ?? ""), Integrations)
    {
        Window = Profile.SendingWindow, Zone = Profile.Zone,
    };

    /// <summary>A fresh, untracked row for callers that want the entity; the cached copy itself stays unshared.</summary>
    public AccountRecord ToRecord() => new() { Id = Id, Name = Name, SettingsJson = SettingsJson };
}
