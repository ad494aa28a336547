namespace Dnd.Host.Api.Integrations;

/// <summary>The account's integration changes, newest first.</summary>
public sealed record IntegrationEventsResponse(IReadOnlyList<IntegrationEventDto> Events);
