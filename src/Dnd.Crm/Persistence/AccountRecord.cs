namespace Dnd.Crm.Persistence;

/// <summary>A tenant (a HighLevel "location"): its consent settings and provider secrets.</summary>
public sealed class AccountRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>AccountSettings as JSON (keywords, keyword channels, unsubscribe scope).</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Twilio auth token, used to verify X-Twilio-Signature.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>Mailgun webhook signing key.</summary>
    public string? MailgunSigningKey { get; set; }
}
