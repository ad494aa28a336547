namespace Dnd.Crm.Persistence;

/// <summary>An audited change to an integration: who connected, updated or disconnected it, and what changed (never a secret's value).</summary>
public sealed class IntegrationEventRecord
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Provider { get; set; }

    /// <summary>connected, updated, disconnected or webhook-secret-set (Dnd.Crm.Integrations.IntegrationEventKinds).</summary>
    public required string Action { get; set; }
    public required string ActedBy { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>What changed, in words: settings with their new values, secrets only as "authToken changed".</summary>
    public string Detail { get; set; } = "";
}
