namespace Dnd.Crm.Integrations;

/// <summary>The audited changes to an integration.</summary>
public static class IntegrationEventKinds
{
    public const string Connected = "connected";
    public const string Updated = "updated";
    public const string Disconnected = "disconnected";

    /// <summary>A webhook secret stored for the account outside a connect: at its creation, or moved out of the legacy plaintext columns.</summary>
    public const string WebhookSecretSet = "webhook-secret-set";

    /// <summary>An address taken off the provider's suppression lists because its e-mail DND was lifted.</summary>
    public const string SuppressionRemoved = "suppression-removed";

    /// <summary>A suppression removal the provider kept refusing: given up, for staff to do by hand.</summary>
    public const string SuppressionRemovalFailed = "suppression-removal-failed";

    /// <summary>The job that reads the provider's suppression lists on connect was started (its id is in the detail).</summary>
    public const string SuppressionImportStarted = "suppression-import-started";

    /// <summary>The provider's suppression lists read on connect and applied as DND.</summary>
    public const string SuppressionsImported = "suppressions-imported";
}
