using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Crm.Subscriptions;

public static class SubscriptionServices
{
    /// <summary>
    /// Outbound webhooks: the subscriptions' cache, the follower that stages deliveries in consent writes, and the
    /// dispatcher, woken when such a write commits. The application supplies the bodies (<see cref="IWebhookBodies"/>).
    /// </summary>
    public static IServiceCollection AddDndOutboundWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookSender.Client, c => c.Timeout = Timeout.InfiniteTimeSpan); // the sender times each POST out itself
        services.AddSingleton<SubscriptionSecrets>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookWatcher>();
        services.AddSingleton<ICommitWatcher>(sp => sp.GetRequiredService<WebhookWatcher>());
        services.AddSingleton<IConsentFollower, WebhookFollower>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddScoped<SubscriptionStore>();
        return services;
    }
}
