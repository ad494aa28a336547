using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;

namespace Dnd.Host.Api.Subscriptions;

/// <summary>A subscription as listed: never its secret.</summary>
public sealed record WebhookSubscriptionDto(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset SecretChangedAt)
{
    public static WebhookSubscriptionDto From(WebhookSubscriptionRecord r) => new(r.Id, r.Url, r.EventList, r.CreatedAt, r.CreatedBy, r.SecretChangedAt);
}
