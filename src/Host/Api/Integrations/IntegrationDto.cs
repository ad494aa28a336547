using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Integrations;

/// <summary>
/// One provider as the API shows it: status, the channels it carries, its readable settings, and which secrets are set
/// (true or false: a secret's value is never returned).
/// </summary>
public sealed record IntegrationDto(string Provider, string Status, bool Connected, IReadOnlyList<string> Channels, IntegrationSettings Settings,
    IReadOnlyDictionary<string, bool> SecretsSet, DateTimeOffset? ConnectedAt, string? ConnectedBy, DateTimeOffset? ChangedAt, string? ChangedBy)
{
    public static IntegrationDto From(string provider, StoredIntegration? stored) => new(provider, stored?.Status ?? IntegrationStatus.NotConnected,
        stored?.Connected == true, IntegrationProviders.Channels(provider).Select(c => c.ToWire()).ToList(), stored?.Settings ?? new IntegrationSettings(),
        IntegrationProviders.SecretFields(provider).ToDictionary(f => f, f => stored?.Secret(f) is not null), stored?.ConnectedAt, stored?.ConnectedBy,
        stored?.ChangedAt, stored?.ChangedBy);
}
