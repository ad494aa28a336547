using Dnd.Crm.Integrations;
using Dnd.Host.Api.Integrations;

namespace Dnd.Host.OperatorApp.Integrations;

/// <summary>
/// A provider's connect form: its readable settings filled in from what is stored, its secrets always blank (never
/// shown back; left blank they keep the stored ones).
/// </summary>
public sealed class IntegrationForm
{
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    public string? MessagingServiceSid { get; set; }

    /// <summary>Sender numbers, comma or space separated.</summary>
    public string? SenderNumbers { get; set; }
    public string? Domain { get; set; }
    public string? ApiKey { get; set; }
    public string Region { get; set; } = MailgunRegions.Us;
    public string? WebhookSigningKey { get; set; }
    public string? Host { get; set; }
    public int? Port { get; set; }
    public string TlsMode { get; set; } = SmtpTlsModes.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    public string? AccessToken { get; set; }
    public string? VerifyToken { get; set; }
    public string? PageId { get; set; }
    public string? InstagramAccountId { get; set; }
    public string? PhoneNumberId { get; set; }
    public string? BusinessAccountId { get; set; }

    public static IntegrationForm From(IntegrationDto integration)
    {
        var s = integration.Settings;
        return new IntegrationForm
        {
            AccountSid = s.AccountSid, MessagingServiceSid = s.MessagingServiceSid,
            SenderNumbers = s.SenderNumbers is null ? null : string.Join(", ", s.SenderNumbers), Domain = s.Domain, Region = s.Region ?? MailgunRegions.Us,
            Host = s.Host, Port = s.Port, TlsMode = s.TlsMode ?? SmtpTlsModes.StartTls, UserName = s.UserName,
            AppId = s.AppId, PageId = s.PageId, InstagramAccountId = s.InstagramAccountId, PhoneNumberId = s.PhoneNumberId, BusinessAccountId = s.BusinessAccountId,
        };
    }

    /// <summary>The request for <paramref name="provider"/>: only its own fields, so the API's "does not apply" never fires from here.</summary>
    public IntegrationRequest ToRequest(string provider) => provider switch
    {
        IntegrationProviders.Twilio => new IntegrationRequest(AccountSid: AccountSid, AuthToken: AuthToken, MessagingServiceSid: MessagingServiceSid,
            SenderNumbers: SenderNumbers?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()),
        IntegrationProviders.Mailgun => new IntegrationRequest(Domain: Domain, ApiKey: ApiKey, Region: Region, WebhookSigningKey: WebhookSigningKey),
        IntegrationProviders.Meta => new IntegrationRequest(AppId: AppId, AppSecret: AppSecret, AccessToken: AccessToken, VerifyToken: VerifyToken, PageId: PageId,
            InstagramAccountId: InstagramAccountId, PhoneNumberId: PhoneNumberId, BusinessAccountId: BusinessAccountId),
        _ => new IntegrationRequest(Host: Host, Port: Port, TlsMode: TlsMode, UserName: UserName, Password: Password),
    };
}
