using Dnd.Crm.Integrations;

namespace Dnd.Host.Api.Integrations;

/// <summary>
/// Connects or updates one provider; each uses its own fields. Twilio: accountSid, authToken, and messagingServiceSid
/// or senderNumbers. Mailgun: domain, apiKey, region (us or eu), webhookSigningKey. SMTP: host, port, tlsMode
/// (starttls, ssl or none), userName, password. Meta: appId, appSecret, accessToken, verifyToken, and pageId (with
/// instagramAccountId) or phoneNumberId (with businessAccountId). A secret left out keeps the one stored; secrets are never returned.
/// </summary>
public sealed record IntegrationRequest(
    string? AccountSid = null,
    string? AuthToken = null,
    string? MessagingServiceSid = null,
    List<string>? SenderNumbers = null,
    string? Domain = null,
    string? ApiKey = null,
    string? Region = null,
    string? WebhookSigningKey = null,
    string? Host = null,
    int? Port = null,
    string? TlsMode = null,
    string? UserName = null,
    string? Password = null,
    string? LocationId = null,
    string? AppId = null,
    string? AppSecret = null,
    string? AccessToken = null,
    string? VerifyToken = null,
    string? PageId = null,
    string? InstagramAccountId = null,
    string? PhoneNumberId = null,
    string? BusinessAccountId = null)
{
    /// <summary>The secrets the request gives, by field name (blank ones left out: they keep the stored value).</summary>
    public IReadOnlyDictionary<string, string> Secrets() => new Dictionary<string, string?>
        {
            [SecretNames.AuthToken] = AuthToken, [SecretNames.ApiKey] = ApiKey, [SecretNames.WebhookSigningKey] = WebhookSigningKey, [SecretNames.Password] = Password,
            [SecretNames.AppSecret] = AppSecret, [SecretNames.AccessToken] = AccessToken, [SecretNames.VerifyToken] = VerifyToken,
        }
        .Where(s => !string.IsNullOrWhiteSpace(s.Value)).ToDictionary(s => s.Key, s => s.Value!.Trim());
}
