using Dnd.Crm.Templates;
using Dnd.Rules.Data;
using Dnd.Shared.Caching;
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
public sealed class AccountCache
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    /// <summary>Accounts kept at once; past it expired copies are dropped (all, when none has expired) and read again when needed.</summary>
    public const int Capacity = 10_000;

    private readonly ExpiringCache<string, CachedAccount> _accounts = new(Capacity, TimeToLive);

    /// <returns>The account, or null when there is none with that id (a miss is not cached).</returns>
    public ValueTask<CachedAccount?> FindAsync(CrmDbContext db, string accountId, CancellationToken ct) =>
        _accounts.GetOrLoadAsync(accountId, db, Load, ct);

    private static async Task<CachedAccount?> Load(string id, CrmDbContext db, CancellationToken ct) =>
        await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } row ? CachedAccount.From(row) : null;

    /// <summary>The same, with the DbContext taken from <paramref name="scope"/> only on a miss: a hit builds none.</summary>
    public ValueTask<CachedAccount?> FindAsync(IServiceProvider scope, string accountId, CancellationToken ct) =>
        _accounts.GetOrLoadAsync(accountId, scope, static (id, scope, ct) => Load(id, scope.GetRequiredService<CrmDbContext>(), ct), ct);

    public void Invalidate(string accountId) => _accounts.Invalidate(accountId);
}

/// <summary>An account as read, with its settings parsed once; shared between requests, so never changed.</summary>
public sealed record CachedAccount(string Id, string Name, string SettingsJson, string? TwilioAuthToken, string? MailgunSigningKey,
    AccountSettings Settings, AccountProfile Profile, ComplianceSettings Compliance)
{
    public static CachedAccount From(AccountRecord row) => new(row.Id, row.Name, row.SettingsJson, row.TwilioAuthToken, row.MailgunSigningKey,
        AccountSettingsJson.Parse(row.SettingsJson), AccountSettingsJson.ParseProfile(row.SettingsJson), AccountSettingsJson.ParseCompliance(row.SettingsJson));

    /// <summary>The account as the sender of its messages: made once with the cached copy, not on every send.</summary>
    public Sender Sender { get; } = new(Compliance, new AccountModel(Name, Compliance.BusinessName ?? Name, Compliance.BusinessAddress ?? ""))
    {
        Window = Profile.SendingWindow, Zone = Profile.Zone,
    };

    /// <summary>A fresh, untracked row for callers that want the entity; the cached copy itself stays unshared.</summary>
    public AccountRecord ToRecord() => new()
    {
        Id = Id, Name = Name, SettingsJson = SettingsJson, TwilioAuthToken = TwilioAuthToken, MailgunSigningKey = MailgunSigningKey,
    };
}
