using Dnd.Rules.Consent;

namespace Dnd.Crm.Integrations;

/// <summary>An account's integrations as its cached copy holds them: which provider carries each channel, and the webhook secrets.</summary>
public sealed record AccountIntegrations(IReadOnlyDictionary<string, StoredIntegration> ByProvider)
{
    public static AccountIntegrations None { get; } = new(new Dictionary<string, StoredIntegration>());

    public StoredIntegration? this[string provider] => ByProvider.GetValueOrDefault(provider);

    /// <summary>
    /// What verifies the account's Twilio webhooks: the Twilio integration's auth token, connected or not (a contact's
    /// STOP must still be read after a disconnect).
    /// </summary>
    public string? TwilioAuthToken => this[IntegrationProviders.Twilio]?.Secret(SecretNames.AuthToken);

    /// <summary>What verifies the account's Mailgun webhooks: the Mailgun integration's webhook signing key.</summary>
    public string? MailgunSigningKey => this[IntegrationProviders.Mailgun]?.Secret(SecretNames.WebhookSigningKey);

    /// <summary>What verifies the account's Meta webhooks (X-Hub-Signature-256), connected or not, as for Twilio.</summary>
    public string? MetaAppSecret => this[IntegrationProviders.Meta]?.Secret(SecretNames.AppSecret);

    /// <summary>What Meta must echo when it subscribes the account's webhook.</summary>
    public string? MetaVerifyToken => this[IntegrationProviders.Meta]?.Secret(SecretNames.VerifyToken);

    public ConnectionLookup Lookup(Channel channel)
    {
        var providers = IntegrationProviders.For(channel).Select(p => this[p]).OfType<StoredIntegration>().Where(p => p.Carries(channel)).ToList();
        if (providers.FirstOrDefault(p => p.Connected)?.ToConnection() is { } connection)
        {
            return new ConnectionLookup(connection, null, Holds: false);
        }
        return providers.Any(p => p.Status == IntegrationStatus.Disconnected)
            ? new ConnectionLookup(null, "integration disconnected", Holds: true)
            : new ConnectionLookup(null, $"no {(channel == Channel.Email ? "e-mail" : channel.ToWire())} integration connected", Holds: false);
    }

    /// <summary>Why a send on the channel waits: its integration was disconnected. Never connected, sends queue as they always did.</summary>
    public string? HoldReason(Channel channel) => Lookup(channel).Holds ? IntegrationHolds.Reason : null;
}
