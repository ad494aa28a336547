namespace Dnd.Host.Webhooks;

/// <summary>A handler's own name for why it refused a webhook, where the status alone is ambiguous (409: stale or replayed).</summary>
public static class WebhookRejection
{
    private static readonly object Key = new();

    public const string Stale = "stale";

    public const string Replay = "replay";

    public static void Mark(HttpContext http, string reason) => http.Items[Key] = reason;

    public static string? ReasonOf(HttpContext http) => http.Items.TryGetValue(Key, out var reason) ? reason as string : null;
}
