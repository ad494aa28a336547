using Dnd.Rules.Consent;

namespace Dnd.Crm.Integrations;

/// <summary>
/// For the outbox: which provider carries an account's channel, with its credentials, or why none does. Read from
/// the account cache (secrets unprotected once per load, the copy dropped whenever an integration changes).
/// </summary>
public sealed class IntegrationDirectory(IIntegrationCache cache, IServiceProvider scope)
{
    public async Task<ConnectionLookup> LookupAsync(string accountId, Channel channel, CancellationToken ct) =>
        (await ForAccountAsync(accountId, ct)).Lookup(channel);

    public async Task<AccountIntegrations> ForAccountAsync(string accountId, CancellationToken ct) =>
        await cache.IntegrationsAsync(scope, accountId, ct) ?? throw new InvalidOperationException($"No account {accountId}.");
}
