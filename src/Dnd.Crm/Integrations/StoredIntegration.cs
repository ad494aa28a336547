using Dnd.Crm.Persistence;
using Dnd.Rules.Consent;

namespace Dnd.Crm.Integrations;

/// <summary>An integration as the account cache keeps it: settings read, secrets unprotected once per load.</summary>
public sealed record StoredIntegration(string Provider, string Status, IntegrationSettings Settings, IReadOnlyDictionary<string, string> Secrets,
    DateTimeOffset? ConnectedAt, string? ConnectedBy, DateTimeOffset ChangedAt, string ChangedBy)
{
    public bool Connected => Status == IntegrationStatus.Connected;

    /// <summary>Whether it carries the channel as set up: Meta carries WhatsApp only with a WhatsApp number, FB only with a page.</summary>
    public bool Carries(Channel channel) => IntegrationProviders.Channels(Provider).Contains(channel) &&
        (Provider != IntegrationProviders.Meta || (channel == Channel.WhatsApp ? Settings.PhoneNumberId : Settings.PageId) is not null);

    public string? Secret(string field) => Secrets.TryGetValue(field, out var value) && value.Length > 0 ? value : null;

    public static StoredIntegration From(IntegrationRecord row, IntegrationSecrets secrets) => new(row.Provider, row.Status,
        IntegrationSettings.Parse(row.SettingsJson), secrets.Unprotect(row.ProtectedSecrets), row.ConnectedAt, row.ConnectedBy, row.ChangedAt, row.ChangedBy);

    /// <summary>The credentials a transport uses; null unless connected.</summary>
    public ProviderConnection? ToConnection() => !Connected ? null : Provider switch
    {
        IntegrationProviders.Twilio => new TwilioConnection(Settings.AccountSid ?? "", Secret(SecretNames.AuthToken) ?? "", Settings.MessagingServiceSid,
            Settings.SenderNumbers ?? []),
        IntegrationProviders.Mailgun => new MailgunConnection(Settings.Domain ?? "", Secret(SecretNames.ApiKey) ?? "", Settings.Region ?? MailgunRegions.Us,
            Secret(SecretNames.WebhookSigningKey)),
        IntegrationProviders.Smtp => new SmtpConnection(Settings.Host ?? "", Settings.Port ?? 587, Settings.TlsMode ?? SmtpTlsModes.StartTls,
            Settings.UserName, Secret(SecretNames.Password)),
        IntegrationProviders.Meta => new MetaConnection(Settings.PageId, Settings.PhoneNumberId, Secret(SecretNames.AccessToken) ?? ""),
        _ => null,
    };
}
