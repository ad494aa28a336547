namespace Dnd.Host.Api.Integrations;

/// <summary>The provider as it stands after a connect, update or disconnect.</summary>
public sealed record IntegrationResponse(IntegrationDto Integration);
