namespace Dnd.Crm.Integrations;

/// <summary>The audited changes to an integration.</summary>
public static class IntegrationEventKinds
{
    public const string Connected = "connected";
    public const string Updated = "updated";
    public const string Disconnected = "disconnected";

    /// <summary>A webhook secret stored for the account outside a connect: at its creation, or moved out of the legacy plaintext columns.</summary>
    public const string WebhookSecretSet = "webhook-secret-set";
}
