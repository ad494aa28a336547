namespace Dnd.Crm.Integrations;

/// <summary>An account's integration with one provider: readable settings, protected secrets, and who last changed it.</summary>
public sealed class IntegrationRecord
{
    public required string AccountId { get; set; }

    /// <summary>One of <see cref="IntegrationProviders.All"/>.</summary>
    public required string Provider { get; set; }

    /// <summary><see cref="IntegrationStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary><see cref="IntegrationSettings"/> as JSON: nothing secret.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>The secrets as JSON, protected with ASP.NET Core Data Protection (<see cref="IntegrationSecrets"/>); null when none.</summary>
    public string? ProtectedSecrets { get; set; }

    public DateTimeOffset? ConnectedAt { get; set; }
    public string? ConnectedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}
