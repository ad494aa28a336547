using System.Text.RegularExpressions;
using Dnd.Crm.Integrations;
using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Integrations;

/// <summary>
/// What a connect or update may say for its provider, and the settings and secrets it leaves: a secret left out keeps
/// the stored one, so reconnecting needs none re-entered. Every field at fault is named at once.
/// </summary>
public static partial class IntegrationChange
{
    /// <exception cref="ApiValidationException">422 naming every field at fault; nothing is saved.</exception>
    public static (IntegrationSettings Settings, IReadOnlyDictionary<string, string> Secrets) Apply(string provider, StoredIntegration? stored,
        IntegrationRequest body)
    {
        var errors = new FieldErrors();
        var secrets = new Dictionary<string, string>(stored?.Secrets ?? new Dictionary<string, string>());
        foreach (var (field, value) in body.Secrets())
        {
            errors.MaxLength(field, value, ApiLimits.TextLength);
            if (IntegrationProviders.SecretFields(provider).Contains(field))
            {
                secrets[field] = value;
            }
            else
            {
                errors.Add(field, $"{field} does not apply to {provider}");
            }
        }
        var settings = provider switch
        {
            IntegrationProviders.Twilio => Twilio(errors, body, secrets),
            IntegrationProviders.Mailgun => Mailgun(errors, body, secrets),
            IntegrationProviders.Meta => Meta(errors, body, secrets),
            _ => Smtp(errors, body, secrets),
        };
        errors.ThrowIfAny($"The {provider} integration is invalid; nothing was changed.");
        return (settings, secrets);
    }

    private static IntegrationSettings Twilio(FieldErrors errors, IntegrationRequest body, Dictionary<string, string> secrets)
    {
        Only(errors, IntegrationProviders.Twilio, [("domain", body.Domain), ("region", body.Region), ("host", body.Host), ("port", body.Port), ("tlsMode", body.TlsMode),
            ("userName", body.UserName), ..MetaFields(body)]);
        if (body.AccountSid is null || !AccountSid().IsMatch(body.AccountSid.Trim()))
        {
            errors.Add("accountSid", "accountSid must be a Twilio Account SID: AC followed by 32 hex digits");
        }
        Secret(errors, secrets, SecretNames.AuthToken);
        var service = Blank(body.MessagingServiceSid);
        if (service is not null && !MessagingServiceSid().IsMatch(service))
        {
            errors.Add("messagingServiceSid", "messagingServiceSid must be a Messaging Service SID: MG followed by 32 hex digits");
        }
        var numbers = (body.SenderNumbers ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct().ToList();
        errors.MaxCount("senderNumbers", numbers, 20);
        foreach (var number in numbers.Where(n => !E164().IsMatch(n)))
        {
            errors.Add("senderNumbers", $"senderNumbers: {number} is not an E.164 number such as +15551234567");
        }
        if (service is null && numbers.Count == 0)
        {
            errors.Add("messagingServiceSid", "messagingServiceSid or senderNumbers is required: Twilio needs something to send from");
        }
        return new IntegrationSettings
        {
            AccountSid = body.AccountSid?.Trim(), MessagingServiceSid = service, SenderNumbers = numbers.Count == 0 ? null : numbers,
        };
    }

    private static IntegrationSettings Mailgun(FieldErrors errors, IntegrationRequest body, Dictionary<string, string> secrets)
    {
        Only(errors, IntegrationProviders.Mailgun, [("accountSid", body.AccountSid), ("messagingServiceSid", body.MessagingServiceSid), ("senderNumbers", body.SenderNumbers),
            ("host", body.Host), ("port", body.Port), ("tlsMode", body.TlsMode), ("userName", body.UserName), ..MetaFields(body)]);
        var domain = Blank(body.Domain)?.ToLowerInvariant();
        if (domain is null || domain.Length > ApiLimits.NameLength || !HostName().IsMatch(domain))
        {
            errors.Add("domain", "domain must be the Mailgun sending domain, e.g. mg.example.com");
        }
        Secret(errors, secrets, SecretNames.ApiKey);
        var region = Blank(body.Region)?.ToLowerInvariant() ?? MailgunRegions.Us;
        if (!MailgunRegions.All.Contains(region))
        {
            errors.Add("region", $"region must be {string.Join(" or ", MailgunRegions.All)}");
        }
        return new IntegrationSettings { Domain = domain, Region = region };
    }

    private static IntegrationSettings Smtp(FieldErrors errors, IntegrationRequest body, Dictionary<string, string> secrets)
    {
        Only(errors, IntegrationProviders.Smtp, [("accountSid", body.AccountSid), ("messagingServiceSid", body.MessagingServiceSid), ("senderNumbers", body.SenderNumbers),
            ("domain", body.Domain), ("region", body.Region), ..MetaFields(body)]);
        var host = Blank(body.Host);
        if (host is null || host.Length > ApiLimits.NameLength || !HostName().IsMatch(host))
        {
            errors.Add("host", "host must be the SMTP server's host name, e.g. smtp.example.com");
        }
        if (body.Port is < 1 or > 65535)
        {
            errors.Add("port", "port must be between 1 and 65535");
        }
        var tls = Blank(body.TlsMode)?.ToLowerInvariant() ?? SmtpTlsModes.StartTls;
        if (!SmtpTlsModes.All.Contains(tls))
        {
            errors.Add("tlsMode", $"tlsMode must be one of {string.Join(", ", SmtpTlsModes.All)}");
        }
        var user = Blank(body.UserName);
        errors.MaxLength("userName", user, ApiLimits.NameLength);
        if (user is not null)
        {
            Secret(errors, secrets, SecretNames.Password);
        }
        return new IntegrationSettings { Host = host, Port = body.Port ?? (tls == SmtpTlsModes.Ssl ? 465 : 587), TlsMode = tls, UserName = user };
    }

    private static IntegrationSettings Meta(FieldErrors errors, IntegrationRequest body, Dictionary<string, string> secrets)
    {
        Only(errors, IntegrationProviders.Meta, [("accountSid", body.AccountSid), ("messagingServiceSid", body.MessagingServiceSid), ("senderNumbers", body.SenderNumbers),
            ("domain", body.Domain), ("region", body.Region), ("host", body.Host), ("port", body.Port), ("tlsMode", body.TlsMode), ("userName", body.UserName)]);
        string? Id(string field, string? value)
        {
            var id = Blank(value);
            if (id is not null && !GraphId().IsMatch(id))
            {
                errors.Add(field, $"{field} must be a Meta object id (digits only)");
            }
            return id;
        }
        var settings = new IntegrationSettings
        {
            AppId = Id("appId", body.AppId), PageId = Id("pageId", body.PageId), InstagramAccountId = Id("instagramAccountId", body.InstagramAccountId),
            PhoneNumberId = Id("phoneNumberId", body.PhoneNumberId), BusinessAccountId = Id("businessAccountId", body.BusinessAccountId),
        };
        if (settings.AppId is null)
        {
            errors.Add("appId", "appId is required: the Meta app whose secret signs the webhooks");
        }
        if (settings.PageId is null && settings.PhoneNumberId is null)
        {
            errors.Add("pageId", "pageId or phoneNumberId is required: Meta needs a page (Messenger, Instagram) or a WhatsApp number to carry messages");
        }
        if (settings.InstagramAccountId is not null && settings.PageId is null)
        {
            errors.Add("instagramAccountId", "instagramAccountId needs the pageId of the page it is linked to: Instagram messages go through that page");
        }
        Secret(errors, secrets, SecretNames.AppSecret);
        Secret(errors, secrets, SecretNames.AccessToken);
        Secret(errors, secrets, SecretNames.VerifyToken);
        return settings;
    }

    private static (string Field, object? Value)[] MetaFields(IntegrationRequest body) =>
    [
        ("appId", body.AppId), ("pageId", body.PageId), ("instagramAccountId", body.InstagramAccountId), ("phoneNumberId", body.PhoneNumberId),
        ("businessAccountId", body.BusinessAccountId),
    ];

    private static void Secret(FieldErrors errors, Dictionary<string, string> secrets, string field)
    {
        if (!secrets.ContainsKey(field))
        {
            errors.Add(field, $"{field} is required");
        }
    }

    private static void Only(FieldErrors errors, string provider, (string Field, object? Value)[] others)
    {
        foreach (var (field, _) in others.Where(o => o.Value is not null))
        {
            errors.Add(field, $"{field} does not apply to {provider}");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSid();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex MessagingServiceSid();

    [GeneratedRegex("^[0-9]{1,30}$")]
    private static partial Regex GraphId();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9-]{0,62})?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*$")]
    private static partial Regex HostName();
}
