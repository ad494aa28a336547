using Dnd.Host.Api.Integrations;
using Dnd.Host.Auth;

namespace Dnd.Host.OperatorApp.Integrations;

/// <summary>
/// The Integrations screen's reads and writes, each in a scope of its own as the signed-in person: the API's own
/// <see cref="IntegrationConnector"/>, so the credentials are checked with the provider and the audit names this user.
/// </summary>
public sealed class IntegrationsActions(OperatorSession session)
{
    public Task<IReadOnlyList<IntegrationDto>> ListAsync() =>
        session.RunAsync(sp => sp.GetRequiredService<IntegrationConnector>().ListAsync(session.AccountId, CancellationToken.None));

    /// <exception cref="Dnd.Host.Errors.ApiValidationException">The request or the provider refused; nothing was saved.</exception>
    public Task<IntegrationDto> ConnectAsync(string provider, IntegrationRequest request) => session.RunAsync(sp =>
        sp.GetRequiredService<IntegrationConnector>().ConnectAsync(session.AccountId, provider, request, sp.GetRequiredService<AccountContext>().ActedBy,
            CancellationToken.None));

    public Task<IntegrationDto> DisconnectAsync(string provider) => session.RunAsync(sp =>
        sp.GetRequiredService<IntegrationConnector>().DisconnectAsync(session.AccountId, provider, sp.GetRequiredService<AccountContext>().ActedBy,
            CancellationToken.None));
}
