using System.Diagnostics;
using Dnd.Crm.Persistence;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Subscriptions;

/// <summary>POSTs one delivery, signed, and reports what came back; never throws for the receiver's faults.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options)
{
    public const string Client = "dnd-outbound-webhooks";

    /// <summary>The most of a response body kept in the log.</summary>
    public const int ExcerptLength = 1024;

    public async Task<WebhookAttemptResult> SendAsync(ActiveSubscription subscription, WebhookDeliveryRecord delivery, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(subscription.Secret, at, delivery.Body));
        request.Headers.Add(WebhookHeaders.Event, delivery.Event);
        request.Headers.Add(WebhookHeaders.Delivery, delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            return new WebhookAttemptResult(at, (int)response.StatusCode, excerpt, Elapsed(watch), null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var error = e is OperationCanceledException ? $"no response within {options.Value.Timeout.TotalSeconds:0.#} s" : e.GetBaseException().Message;
            return new WebhookAttemptResult(at, null, null, Elapsed(watch), error);
        }
    }

    /// <summary>At most <see cref="ExcerptLength"/> characters, read without buffering a large body.</summary>
    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[ExcerptLength];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }
        return new string(buffer, 0, read);
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
}
