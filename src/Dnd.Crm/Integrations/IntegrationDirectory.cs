using Dnd.Crm.Consent;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Integrations;

/// <summary>
/// For the outbox: which provider carries an account's channel, with its credentials, or why none does. Read from
/// the account cache (secrets unprotected once per load, the copy dropped whenever an integration changes).
/// </summary>
public sealed class IntegrationDirectory(AccountCache cache, IServiceProvider scope)
{
    public async Task<ConnectionLookup> LookupAsync(string accountId, Channel channel, CancellationToken ct) =>
        (await AccountAsync(accountId, ct)).Integrations.Lookup(channel);

    public async Task<AccountIntegrations> ForAccountAsync(string accountId, CancellationToken ct) => (await AccountAsync(accountId, ct)).Integrations;

    private async Task<CachedAccount> AccountAsync(string accountId, CancellationToken ct) =>
        await cache.FindAsync(scope, accountId, ct) ?? throw new InvalidOperationException($"No account {accountId}.");
}
