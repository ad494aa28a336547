namespace Dnd.Host.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>The providers' callbacks, each authenticated by the provider's own signature rather than an API key.</summary>
    public static WebApplication MapDndWebhooks(this WebApplication app)
    {
        app.MapTwilioWebhooks();
        app.MapMailgunWebhooks();
        app.MapMailgunInboundWebhooks();
        app.MapMetaWebhooks();
        return app;
    }
}
