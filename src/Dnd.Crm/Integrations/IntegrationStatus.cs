namespace Dnd.Crm.Integrations;

/// <summary>Where an account's integration with one provider stands.</summary>
public static class IntegrationStatus
{
    /// <summary>Validated against the provider and carrying its channels.</summary>
    public const string Connected = "connected";

    /// <summary>Connected once and switched off: its channels' sends are held, not lost, until it is connected again.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>Never connected; the row keeps only a webhook secret given when the account was created.</summary>
    public const string NotConnected = "not-connected";
}
