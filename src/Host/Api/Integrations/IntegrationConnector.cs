using Dnd.Crm.Integrations;
using Dnd.Crm.Suppressions;
using Dnd.Host.Errors;

namespace Dnd.Host.Api.Integrations;

/// <summary>
/// Connect, update and disconnect as the API and the operator app's Integrations screen both do them: the request
/// checked, then the credentials checked with the provider, and only then saved (a refusal saves nothing).
/// </summary>
public sealed class IntegrationConnector(IntegrationStore store, IntegrationDirectory directory, IntegrationVerifier verifier,
    SuppressionImportJobs suppressionImports)
{
    public async Task<IReadOnlyList<IntegrationDto>> ListAsync(string accountId, CancellationToken ct)
    {
        var integrations = await directory.ForAccountAsync(accountId, ct);
        return IntegrationProviders.All.Select(p => IntegrationDto.From(p, integrations[p])).ToList();
    }

    /// <exception cref="ApiValidationException">404 for an unknown provider; 409 while the other e-mail provider is connected; 422 for a
    /// request at fault or credentials the provider refused (naming the field and the provider's answer).</exception>
    public async Task<IntegrationDto> ConnectAsync(string accountId, string providerName, IntegrationRequest body, string actedBy, CancellationToken ct)
    {
        var provider = Provider(providerName);
        var integrations = await directory.ForAccountAsync(accountId, ct);
        var (settings, secrets) = IntegrationChange.Apply(provider, integrations[provider], body);
        if (IntegrationProviders.Email.Contains(provider) &&
            IntegrationProviders.Email.FirstOrDefault(p => p != provider && integrations[p]?.Connected == true) is { } other)
        {
            throw new ApiValidationException($"{other} already sends this account's e-mail; disconnect it before connecting {provider}.",
                status: StatusCodes.Status409Conflict, title: "Another e-mail integration is connected");
        }
        if (await verifier.VerifyAsync(provider, settings, secrets, ct) is { } refused)
        {
            throw new ApiValidationException($"{provider} did not accept the credentials; nothing was saved.", [refused.Message],
                title: "Provider refused the credentials", fields: [refused.Field]);
        }
        var stored = await store.ConnectAsync(accountId, provider, settings, secrets, actedBy, ct);
        // After the connect's commit: a crash in between leaves the lists unread until the next connect, never half-read.
        await suppressionImports.AfterConnectAsync(accountId, provider, actedBy, ct);
        return IntegrationDto.From(provider, stored);
    }

    /// <exception cref="ApiValidationException">404 for an unknown provider or one never connected.</exception>
    public async Task<IntegrationDto> DisconnectAsync(string accountId, string providerName, string actedBy, CancellationToken ct)
    {
        var provider = Provider(providerName);
        var stored = await store.DisconnectAsync(accountId, provider, actedBy, ct)
                     ?? throw new ApiValidationException($"The {provider} integration was never connected.", status: StatusCodes.Status404NotFound,
                         title: "Not connected");
        return IntegrationDto.From(provider, stored);
    }

    public async Task<IReadOnlyList<IntegrationEventDto>> EventsAsync(string accountId, CancellationToken ct) =>
        (await store.EventsAsync(accountId, 200, ct)).Select(IntegrationEventDto.From).ToList();

    private static string Provider(string name) => IntegrationProviders.TryParse(name, out var provider)
        ? provider
        : throw new ApiValidationException($"No provider {name}; one of {string.Join(", ", IntegrationProviders.All)}.",
            status: StatusCodes.Status404NotFound, title: "Unknown provider");
}
