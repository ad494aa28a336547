namespace Dnd.Crm.Integrations;

/// <summary>Checks a provider's credentials before anything is saved; each provider asked in its own way.</summary>
public sealed class IntegrationVerifier(TwilioVerifier twilio, MailgunVerifier mailgun, SmtpVerifier smtp, MetaVerifier meta)
{
    /// <returns>Null when the provider accepted them.</returns>
    public Task<VerificationFailure?> VerifyAsync(string provider, IntegrationSettings settings, IReadOnlyDictionary<string, string> secrets,
        CancellationToken ct) => provider switch
    {
        IntegrationProviders.Twilio => twilio.VerifyAsync(settings, secrets.GetValueOrDefault(SecretNames.AuthToken) ?? "", ct),
        IntegrationProviders.Mailgun => mailgun.VerifyAsync(settings, secrets.GetValueOrDefault(SecretNames.ApiKey) ?? "", ct),
        IntegrationProviders.Smtp => smtp.VerifyAsync(settings, secrets.GetValueOrDefault(SecretNames.Password), ct),
        IntegrationProviders.Meta => meta.VerifyAsync(settings, secrets.GetValueOrDefault(SecretNames.AccessToken) ?? "", ct),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "not a provider"),
    };
}
