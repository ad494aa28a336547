namespace Dnd.Crm.Integrations;

/// <summary>The integrations' secrets by the request field that carries each one (protected at rest, never returned).</summary>
public static class SecretNames
{
    public const string AuthToken = "authToken";
    public const string ApiKey = "apiKey";
    public const string WebhookSigningKey = "webhookSigningKey";
    public const string Password = "password";

    /// <summary>Meta's app secret: X-Hub-Signature-256 on its webhooks is an HMAC with it.</summary>
    public const string AppSecret = "appSecret";

    /// <summary>Meta's page access token or system user token: the Graph API calls carry it.</summary>
    public const string AccessToken = "accessToken";

    /// <summary>What Meta echoes as hub.verify_token when a webhook is subscribed.</summary>
    public const string VerifyToken = "verifyToken";
}
