namespace Dnd.Host.Api.Integrations;

/// <summary>Every provider, connected or not, in a fixed order (twilio, mailgun, smtp, meta).</summary>
public sealed record IntegrationsResponse(IReadOnlyList<IntegrationDto> Integrations);
