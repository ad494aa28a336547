namespace Dnd.Crm.Integrations;

/// <summary>The integrations' secrets by the request field that carries each one (protected at rest, never returned).</summary>
public static class SecretNames
{
    public const string AuthToken = "authToken";
    public const string ApiKey = "apiKey";
    public const string WebhookSigningKey = "webhookSigningKey";
    public const string Password = "password";
}
