namespace Dnd.Crm.Integrations;

/// <summary>The "Dnd:Providers" section: where the providers' APIs are, so tests and staging point them at fakes.</summary>
public sealed class ProviderOptions
{
    public TwilioProviderOptions Twilio { get; set; } = new();
    public MailgunProviderOptions Mailgun { get; set; } = new();
    public MetaProviderOptions Meta { get; set; } = new();

    /// <summary>How long a provider may take to answer a credentials check before connect reports it unreachable.</summary>
    public TimeSpan VerifyTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class TwilioProviderOptions
{
    /// <summary>Dnd:Providers:Twilio:BaseUrl, the REST API (accounts, messages, numbers).</summary>
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Dnd:Providers:Twilio:MessagingBaseUrl, the Messaging Services API (a host of its own at Twilio); the BaseUrl when empty.</summary>
    public string? MessagingBaseUrl { get; set; } = "https://messaging.twilio.com";

    /// <summary>The REST API's root for one Twilio account (its messages, numbers).</summary>
    public string AccountUrl(string accountSid) => $"{BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(accountSid)}";
}

public sealed class MailgunProviderOptions
{
    /// <summary>Dnd:Providers:Mailgun:BaseUrl; empty, the integration's region chooses (<see cref="MailgunRegions.BaseUrl"/>).</summary>
    public string? BaseUrl { get; set; }

    public string BaseUrlFor(string? region) => string.IsNullOrWhiteSpace(BaseUrl) ? MailgunRegions.BaseUrl(region) : BaseUrl;

    /// <summary>The API's root for one sending domain (its messages, events).</summary>
    public string DomainUrl(string? region, string domain) => $"{BaseUrlFor(region).TrimEnd('/')}/v3/{Uri.EscapeDataString(domain)}";
}

public sealed class MetaProviderOptions
{
    /// <summary>Dnd:Providers:Meta:BaseUrl, the Graph API.</summary>
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>Dnd:Providers:Meta:GraphVersion, the one Graph API version every call names.</summary>
    public string GraphVersion { get; set; } = "v21.0";

    /// <summary>A Graph API node or edge ("{phone-number-id}/messages", "me/messages") at the configured version.</summary>
    public string Url(string path) => $"{BaseUrl.TrimEnd('/')}/{GraphVersion}/{path}";
}
