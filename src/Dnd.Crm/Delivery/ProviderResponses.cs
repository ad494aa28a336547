using System.Net;
using System.Text.Json;
using Dnd.Crm.Integrations;

namespace Dnd.Crm.Delivery;

/// <summary>A provider's HTTP answer to a send as an outcome: which refusals are the message's (never retried) and which are ours or passing.</summary>
public static class ProviderResponses
{
    /// <summary>
    /// The resilience pipeline has already retried what surely was not taken (429, 503); what still fails here waits for a
    /// later pass, and an answer that leaves it open whether the message was taken (another 5xx) is looked up first.
    /// </summary>
    public static async Task<DeliveryOutcome> RefusalAsync(HttpResponseMessage response, string provider, CancellationToken ct)
    {
        var said = await ProviderAnswer.DescribeAsync(response, ct);
        var status = (int)response.StatusCode;
        if (NotTaken(response))
        {
            return DeliveryOutcome.Transient($"{provider} is busy: {said}", response.Headers.RetryAfter?.Delta);
        }
        if (status >= 500)
        {
            return DeliveryOutcome.Unanswered($"{provider} failed while taking it: {said}");
        }
        // Our credentials, not the message: it waits until the integration is mended rather than being lost.
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return DeliveryOutcome.Transient($"{provider} refused the integration's credentials: {said}");
        }
        return DeliveryOutcome.Permanent(await CodeAsync(response, ct) ?? $"{provider}_{status}", $"{provider} refused the message: {said}");
    }

    /// <summary>A Twilio error body's code ({"code": 21610, ...}); null for a body without one.</summary>
    private static async Task<string?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code)
                ? code.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Answers that say the provider did not take the request, so sending it again cannot make a second copy.</summary>
    public static bool NotTaken(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>
    /// No answer: before the request left (the circuit open, a refused connection) it is a plain retry later; after it may
    /// have reached the provider (a timeout, a dropped connection) the message is looked up before it is sent again.
    /// </summary>
    public static DeliveryOutcome Unreachable(string provider, Exception e) =>
        e is Polly.CircuitBreaker.BrokenCircuitException || e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            ? DeliveryOutcome.Transient($"{provider} could not be reached: {e.Message}")
            : DeliveryOutcome.Unanswered($"{provider} gave no answer: {e.Message}");
}
