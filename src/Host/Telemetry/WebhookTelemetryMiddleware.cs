using System.Diagnostics;
using Dnd.Crm.Integrations;
using Dnd.Host.Webhooks;
using Dnd.Shared.Telemetry;

namespace Dnd.Host.Telemetry;

/// <summary>
/// dnd.webhook.duration and dnd.webhook.rejections for /webhooks/{provider}/…, read from the answer's status (a
/// handler may name a finer reason: <see cref="WebhookRejection"/>). Only in the pipeline when telemetry is on.
/// </summary>
public sealed class WebhookTelemetryMiddleware(RequestDelegate next)
{
    public const string Prefix = "/webhooks";

    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            var provider = Provider(http.Request.Path);
            var status = http.Response.StatusCode;
            var reason = status < 400 ? null : WebhookRejection.ReasonOf(http) ?? ReasonOf(status);
            DndMetrics.WebhookDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("provider", provider), new("result", reason is null ? "accepted" : "rejected"));
            if (reason is not null)
            {
                DndMetrics.WebhookRejections.Add(1, new("provider", provider), new("reason", reason));
                Activity.Current?.SetTag("dnd.rejection", reason);
            }
        }
    }

    /// <summary>"/webhooks/twilio/acc_1/sms" → "twilio"; the known providers only, so a made-up path adds no series.</summary>
    private static string Provider(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        return segments is [_, var provider, ..] && IntegrationProviders.All.Contains(provider) ? provider : "other";
    }

    private static string ReasonOf(int status) => status switch
    {
        401 or 403 => "signature",
        404 => "unknown-account",
        409 => "conflict",
        413 => "too-large",
        415 => "media-type",
        >= 500 => "server-error",
        _ => "bad-request",
    };
}
