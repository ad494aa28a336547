using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Api.Integrations;

/// <summary>An audited change: connected, updated, disconnected or webhook-secret-set, by whom, and what changed (secrets named, never shown).</summary>
public sealed record IntegrationEventDto(string Provider, string Action, string ActedBy, DateTimeOffset At, string Detail)
{
    public static IntegrationEventDto From(IntegrationEventRecord e) => new(e.Provider, e.Action, e.ActedBy, e.At, e.Detail);
}
