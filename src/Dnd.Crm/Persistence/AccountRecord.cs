namespace Dnd.Crm.Persistence;

/// <summary>A tenant (a HighLevel "location"): its consent settings (its providers and their secrets are its integrations).</summary>
public sealed class AccountRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>AccountSettings as JSON (keywords, keyword channels, unsubscribe scope).</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>Legacy plaintext Twilio auth token: moved into the protected integrations at start-up (LegacyWebhookSecrets), then null.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>Legacy plaintext Mailgun webhook signing key: moved like <see cref="TwilioAuthToken"/>.</summary>
    public string? MailgunSigningKey { get; set; }
}
