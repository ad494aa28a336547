using System.Collections.Concurrent;
using Dnd.Crm.Delivery;
using Dnd.Crm.Integrations;
using Dnd.Rules.Consent;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>A message transport that only notes what the outbox handed it: every channel is connected, every message accepted.</summary>
public sealed class RecordingTransport : IMessageTransport
{
    private sealed record RecordingConnection() : ProviderConnection("recording");

    public ConcurrentBag<string> Delivered { get; } = [];

    public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
        Task.FromResult(new ConnectionLookup(new RecordingConnection(), null, false));

    public Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
    {
        Delivered.Add(letter.MessageId);
        return Task.FromResult(DeliveryOutcome.Accepted("rec-" + letter.MessageId));
    }

    public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) =>
        Task.FromResult(Delivered.Contains(letter.MessageId) ? new HandOverLookup(HandOverFound.Found, "rec-" + letter.MessageId) : HandOverLookup.NotFound);
}
