using System.Text.Json;

namespace Dnd.Crm.Integrations;

/// <summary>
/// An integration's readable settings; each provider uses its own (Twilio: account and senders, Mailgun: domain and
/// region, SMTP: server and user). Nothing here is secret: it is returned by the API and kept in plain JSON.
/// </summary>
public sealed record IntegrationSettings
{
    public string? AccountSid { get; init; }
    public string? MessagingServiceSid { get; init; }
    public IReadOnlyList<string>? SenderNumbers { get; init; }
    public string? Domain { get; init; }

    /// <summary>Mailgun's region: us or eu (<see cref="MailgunRegions"/>).</summary>
    public string? Region { get; init; }
    public string? Host { get; init; }
    public int? Port { get; init; }

    /// <summary><see cref="SmtpTlsModes"/>.</summary>
    public string? TlsMode { get; init; }
    public string? UserName { get; init; }

    /// <summary>Meta: the app whose secret signs the webhooks.</summary>
    public string? AppId { get; init; }

    /// <summary>Meta: the Facebook Page whose Messenger (and linked Instagram account's) messages come and go.</summary>
    public string? PageId { get; init; }
    public string? InstagramAccountId { get; init; }

    /// <summary>Meta: the WhatsApp Business number sends go from, and its business account.</summary>
    public string? PhoneNumberId { get; init; }
    public string? BusinessAccountId { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IntegrationSettings Parse(string json) => JsonSerializer.Deserialize<IntegrationSettings>(json, Json) ?? new();

    public string Serialize() => JsonSerializer.Serialize(this, Json);
}
