using Dnd.Rules.Consent;

namespace Dnd.Crm.Integrations;

/// <summary>The providers an account can connect, and which channels each one carries: the one place that says so.</summary>
public static class IntegrationProviders
{
    public const string Twilio = "twilio";
    public const string Mailgun = "mailgun";
    public const string Smtp = "smtp";
    public const string Meta = "meta";

    public static IReadOnlyList<string> All { get; } = [Twilio, Mailgun, Smtp, Meta];

    /// <summary>Mailgun or SMTP carries e-mail; only one of them may be connected at a time, so no precedence is needed.</summary>
    public static IReadOnlyList<string> Email { get; } = [Mailgun, Smtp];

    public static IReadOnlyList<Channel> Channels(string provider) => provider switch
    {
        Twilio => [Channel.Sms, Channel.WhatsApp, Channel.Call],
        Mailgun or Smtp => [Channel.Email],
        // Instagram DMs are FB here: HighLevel's DND has no Instagram channel and treats Facebook and Instagram messaging as one.
        Meta => [Channel.WhatsApp, Channel.Fb],
        _ => [],
    };

    /// <summary>
    /// The providers that can carry <paramref name="channel"/>, the preferred first; none for GMB (no integration sends there).
    /// WhatsApp goes through Meta when both Meta and Twilio are connected: the Cloud API is WhatsApp's own, Twilio resells it.
    /// </summary>
    public static IReadOnlyList<string> For(Channel channel) => All.Where(p => Channels(p).Contains(channel)).OrderBy(p => p == Meta ? 0 : 1).ToList();

    public static bool TryParse(string? name, out string provider)
    {
        provider = All.FirstOrDefault(p => string.Equals(p, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return provider.Length > 0;
    }

    /// <summary>The secrets each provider keeps (protected at rest, never returned), by their request field names.</summary>
    public static IReadOnlyList<string> SecretFields(string provider) => provider switch
    {
        Twilio => [SecretNames.AuthToken],
        Mailgun => [SecretNames.ApiKey, SecretNames.WebhookSigningKey],
        Smtp => [SecretNames.Password],
        Meta => [SecretNames.AppSecret, SecretNames.AccessToken, SecretNames.VerifyToken],
        _ => [],
    };
}
