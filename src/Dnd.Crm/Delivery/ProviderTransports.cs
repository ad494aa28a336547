using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Delivery;

/// <summary>The real transport: the account's integration for the channel, and that provider's API.</summary>
public sealed class ProviderTransports(IEnumerable<IProviderTransport> providers) : IMessageTransport
{
    private readonly Dictionary<string, IProviderTransport> _byName = providers.ToDictionary(p => p.Provider);

    public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
        scope.GetRequiredService<IntegrationDirectory>().LookupAsync(accountId, channel, ct);

    public Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) =>
        _byName[connection.Provider].SendAsync(connection, letter, ct);

    public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) =>
        _byName[connection.Provider].FindAsync(connection, letter, ct);
}
