using Dnd.Crm.Subscriptions;
using Dnd.Host.Api.Subscriptions;
using Dnd.Host.Auth;
using Microsoft.Extensions.Options;

namespace Dnd.Host.OperatorApp.Webhooks;

/// <summary>
/// The Webhooks screen's reads and writes, each as the signed-in person, through the code /locations/webhook-subscriptions
/// runs: the same URL and event checks, the same per-account limit, and a secret that is returned once and never read back.
/// </summary>
public sealed class WebhookActions(OperatorSession session)
{
    /// <summary>Deliveries shown per page.</summary>
    public const int DeliveriesPage = 20;

    public Task<List<WebhookSubscriptionDto>> ListAsync() => session.RunAsync(async sp =>
        (await Store(sp).ListAsync(Account(sp).AccountId, CancellationToken.None)).Select(WebhookSubscriptionDto.From).ToList());

    /// <exception cref="Dnd.Host.Errors.ApiValidationException">The URL or events are refused, or the account is at its limit; nothing made.</exception>
    public Task<WebhookSecretResponse> CreateAsync(string? url, IReadOnlyList<string> events) => session.RunAsync(sp =>
        WebhookSubscriptionEndpoints.SubscribeAsync(new WebhookSubscriptionRequest(url, events.ToList<string?>()), Account(sp), Store(sp),
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value, CancellationToken.None));

    /// <returns>Null when the subscription is gone.</returns>
    public Task<WebhookSecretResponse?> RotateAsync(string id) => session.RunAsync(async sp =>
        await Store(sp).RotateAsync(Account(sp).AccountId, id, CancellationToken.None) is var (subscription, secret)
            ? new WebhookSecretResponse(WebhookSubscriptionDto.From(subscription), secret)
            : null);

    /// <returns>False when it was already gone.</returns>
    public Task<bool> DeleteAsync(string id) => session.RunAsync(sp => Store(sp).DeleteAsync(Account(sp).AccountId, id, CancellationToken.None));

    /// <param name="before">A page's NextBefore, for the older ones; null for the newest.</param>
    public Task<WebhookDeliveriesResponse> DeliveriesAsync(string id, long? before) => session.RunAsync(sp =>
        WebhookSubscriptionEndpoints.DeliveriesPageAsync(Store(sp), Account(sp).AccountId, id, before, DeliveriesPage, CancellationToken.None));

    /// <returns>Null when the subscription has no such delivery.</returns>
    /// <exception cref="Dnd.Host.Errors.ApiValidationException">409 while the delivery is being sent.</exception>
    public Task<RedeliveryResponse?> RedeliverAsync(string id, long deliveryId) => session.RunAsync(sp =>
        WebhookSubscriptionEndpoints.SendAgainAsync(Store(sp), Account(sp).AccountId, id, deliveryId, CancellationToken.None));

    private static SubscriptionStore Store(IServiceProvider sp) => sp.GetRequiredService<SubscriptionStore>();

    private static AccountContext Account(IServiceProvider sp) => sp.GetRequiredService<AccountContext>();
}
