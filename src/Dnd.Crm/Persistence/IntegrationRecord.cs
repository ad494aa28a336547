namespace Dnd.Crm.Persistence;

/// <summary>An account's integration with one provider: readable settings, protected secrets, and who last changed it.</summary>
public sealed class IntegrationRecord
{
    public required string AccountId { get; set; }

    /// <summary>twilio, mailgun or smtp (Dnd.Crm.Integrations.IntegrationProviders).</summary>
    public required string Provider { get; set; }

    /// <summary>Dnd.Crm.Integrations.IntegrationStatus: connected, disconnected, not-connected.</summary>
    public required string Status { get; set; }

    /// <summary>Dnd.Crm.Integrations.IntegrationSettings as JSON: nothing secret.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>The secrets as JSON, protected with ASP.NET Core Data Protection (Dnd.Crm.Integrations.IntegrationSecrets); null when none.</summary>
    public string? ProtectedSecrets { get; set; }

    public DateTimeOffset? ConnectedAt { get; set; }
    public string? ConnectedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}
