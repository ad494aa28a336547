using System.Diagnostics;
using Dnd.Shared.Telemetry;

namespace Dnd.Host.Telemetry;

/// <summary>
/// What the framework's spans would otherwise carry in clear: an unsubscribe or preference token in a request's path
/// (the span gets the route template instead), and an address in an outgoing call's path (Mailgun's suppression
/// DELETE …/unsubscribes/{address}: masked). Query strings are already redacted by the instrumentation.
/// </summary>
public static class TraceRedaction
{
    public static void Request(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint endpoint
            && endpoint.RoutePattern.Parameters.Any(p => p.Name.Contains("token", StringComparison.OrdinalIgnoreCase)))
        {
            activity.SetTag("url.path", endpoint.RoutePattern.RawText);
        }
    }

    public static void Outgoing(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { } uri || !(uri.AbsolutePath.Contains('@') || uri.AbsolutePath.Contains("%40", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(segment =>
            Uri.UnescapeDataString(segment) is var raw && raw.Contains('@') ? Redact.Address(raw) : segment));
        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{path}");
    }
}
