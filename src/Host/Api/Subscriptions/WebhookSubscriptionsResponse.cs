namespace Dnd.Host.Api.Subscriptions;

public sealed record WebhookSubscriptionsResponse(IReadOnlyList<WebhookSubscriptionDto> Subscriptions);

public sealed record WebhookSubscriptionDeletedResponse(bool Succeeded);
