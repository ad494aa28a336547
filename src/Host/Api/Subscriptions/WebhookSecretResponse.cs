namespace Dnd.Host.Api.Subscriptions;

/// <summary>A subscription with its signing secret: answered once, when it is made or its secret rotated; it cannot be read again.</summary>
public sealed record WebhookSecretResponse(WebhookSubscriptionDto Subscription, string Secret);
