namespace Dnd.Host.Api.Subscriptions;

/// <summary>A URL to send events to (https; http only to localhost when the server allows it) and the events wanted.</summary>
/// <param name="Events">Names from WebhookEvents.All: ContactDndUpdate, ConsentLedgerEntry.</param>
public sealed record WebhookSubscriptionRequest(string? Url, IReadOnlyList<string?>? Events, string? LocationId = null);
