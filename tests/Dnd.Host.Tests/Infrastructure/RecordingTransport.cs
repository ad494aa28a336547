using System.Collections.Concurrent;
using Dnd.Crm.Messaging;
using Dnd.Crm.Persistence;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>A message transport that only notes what the outbox handed it.</summary>
public sealed class RecordingTransport : IMessageTransport
{
    public ConcurrentBag<string> Delivered { get; } = [];

    public Task DeliverAsync(MessageRecord message, ContactRecord contact, CancellationToken ct)
    {
        Delivered.Add(message.Id);
        return Task.CompletedTask;
    }
}
