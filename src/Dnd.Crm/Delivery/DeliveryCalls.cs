using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Dnd.Crm.Delivery;

/// <summary>What every provider call shares: the circuit it belongs to, and which failures mean "no answer".</summary>
public static class DeliveryCalls
{
    /// <summary>The request option naming the circuit breaker a call goes through: one per account and provider.</summary>
    public static readonly HttpRequestOptionsKey<string> Circuit = new("dnd.circuit");

    public static HttpRequestMessage ForCircuit(HttpRequestMessage request, string accountId, string provider)
    {
        request.Options.Set(Circuit, $"{accountId}/{provider}");
        return request;
    }

    /// <summary>The circuit key of a request (the pipeline selector); requests without one share a circuit.</summary>
    public static string CircuitOf(HttpRequestMessage request) => request.Options.TryGetValue(Circuit, out var key) ? key : "";

    /// <summary>No answer came: refused connection, the pipeline's timeout, an open circuit — not our own shutdown.</summary>
    public static bool Unanswered(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException;
}
