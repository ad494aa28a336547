namespace Dnd.Crm.Integrations;

/// <summary>Webhook secrets given with a new account (admin API, seed accounts), stored as their integrations keep them.</summary>
public static class WebhookSecrets
{
    /// <summary>Staged on the store's context: the caller saves.</summary>
    public static async Task SetAsync(IntegrationStore store, string accountId, string? twilioAuthToken, string? mailgunSigningKey, string actedBy,
        CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(twilioAuthToken))
        {
            await store.SetWebhookSecretAsync(accountId, IntegrationProviders.Twilio, SecretNames.AuthToken, twilioAuthToken, actedBy, ct);
        }
        if (!string.IsNullOrEmpty(mailgunSigningKey))
        {
            await store.SetWebhookSecretAsync(accountId, IntegrationProviders.Mailgun, SecretNames.WebhookSigningKey, mailgunSigningKey, actedBy, ct);
        }
    }
}
