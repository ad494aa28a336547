using Microsoft.Extensions.Options;

namespace Dnd.Crm.Integrations;

/// <summary>Asks Mailgun whether the API key reaches the domain: GET /v3/domains/{domain} with basic auth api:key, on the region's host.</summary>
public sealed class MailgunVerifier(HttpClient http, IOptions<ProviderOptions> options)
{
    public Task<VerificationFailure?> VerifyAsync(IntegrationSettings settings, string apiKey, CancellationToken ct)
    {
        var url = $"{options.Value.Mailgun.BaseUrlFor(settings.Region).TrimEnd('/')}/v3/domains/{Uri.EscapeDataString(settings.Domain!)}";
        return ProviderCall.GetAsync(http, ProviderAuth.Mailgun(apiKey), url, SecretNames.ApiKey, "Mailgun", ct);
    }
}
