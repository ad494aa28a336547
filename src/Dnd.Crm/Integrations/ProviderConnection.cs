namespace Dnd.Crm.Integrations;

/// <summary>A connected provider with its credentials unprotected, as a transport needs them.</summary>
public abstract record ProviderConnection(string Provider);

/// <param name="SenderNumbers">Used when no Messaging Service is set: the first sends.</param>
public sealed record TwilioConnection(string AccountSid, string AuthToken, string? MessagingServiceSid, IReadOnlyList<string> SenderNumbers)
    : ProviderConnection(IntegrationProviders.Twilio);

public sealed record MailgunConnection(string Domain, string ApiKey, string Region, string? WebhookSigningKey)
    : ProviderConnection(IntegrationProviders.Mailgun);

public sealed record SmtpConnection(string Host, int Port, string TlsMode, string? UserName, string? Password)
    : ProviderConnection(IntegrationProviders.Smtp);

/// <param name="PageId">Messenger and Instagram sends go as this page (<c>me</c> to its token).</param>
/// <param name="PhoneNumberId">WhatsApp sends go from this number.</param>
public sealed record MetaConnection(string? PageId, string? PhoneNumberId, string AccessToken) : ProviderConnection(IntegrationProviders.Meta);
