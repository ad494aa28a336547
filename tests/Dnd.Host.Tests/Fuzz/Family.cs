namespace Dnd.Host.Tests.Fuzz;

/// <summary>
/// How a route is reached: its authentication and body format differ by family, not by endpoint. Derived from the
/// route's prefix, so a new endpoint under an existing prefix is fuzzed the right way without being listed here.
/// </summary>
public enum Family
{
    Api,
    Admin,
    Twilio,
    Mailgun,
    Unsubscribe,
}

public static class Families
{
    public static Family Of(string route) => route switch
    {
        _ when route.StartsWith("/webhooks/twilio/", StringComparison.OrdinalIgnoreCase) => Family.Twilio,
        _ when route.StartsWith("/webhooks/mailgun/", StringComparison.OrdinalIgnoreCase) => Family.Mailgun,
        _ when route.StartsWith("/unsubscribe/", StringComparison.OrdinalIgnoreCase) => Family.Unsubscribe,
        _ when route.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase) || route == "/admin" => Family.Admin,
        _ => Family.Api,
    };
}
