using System.Net.Http.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Delivery;
using Dnd.Crm.Integrations;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Fuzz;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Rules.Consent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dnd.Host.Tests.Delivery;

/// <summary>
/// A stop in the middle of an outbox pass: the hand-over under way runs to its answer, which is recorded; the messages
/// claimed behind it, never handed over, go back to the queue at once instead of waiting out the claim lease.
/// </summary>
public sealed class OutboxStopTests
{
    /// <summary>Accepts every message; the first hand-over is where the server is told to stop.</summary>
    private sealed class StopDuringFirstHandOver(CancellationTokenSource stop) : IMessageTransport
    {
        private sealed record Connection() : ProviderConnection("stopping");

        public List<string> HandedOver { get; } = [];

        public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
            Task.FromResult(new ConnectionLookup(new Connection(), null, false));

        public async Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
        {
            lock (HandedOver)
            {
                HandedOver.Add(letter.MessageId);
            }
            await stop.CancelAsync();
            return DeliveryOutcome.Accepted("stop-" + letter.MessageId);
        }

        public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) => Task.FromResult(HandOverLookup.NotFound);
    }

    [Fact]
    public async Task Claimed_messages_never_handed_over_are_queued_again_and_the_one_handed_over_is_recorded()
    {
        using var stop = new CancellationTokenSource();
        var transport = new StopDuringFirstHandOver(stop);
        await using var app = new DndApp(settings: new Dictionary<string, string> { ["Dnd:Messaging:DeliveryConcurrency"] = "1" }, services: s =>
        {
            // The pass is run by the test alone, with the token it stops.
            foreach (var hosted in s.Where(d => d.ServiceType == typeof(IHostedService) && FuzzApp.IsOurs(d)).ToList())
            {
                s.Remove(hosted);
            }
            s.AddSingleton<IMessageTransport>(transport);
        });
        var account = await TestAccount.CreateAsync(app);
        var contact = (await account.CreateContactAsync(new { phone = "+15551620001" })).GetProperty("id").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = $"Hi {i}" }), 200);
        }

        var pass = () => app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(stop.Token);

        await pass.Should().ThrowAsync<OperationCanceledException>();
        await using var scope = app.Services.CreateAsyncScope();
        var messages = await scope.ServiceProvider.GetRequiredService<DndDbContext>().Messages.AsNoTracking()
            .Where(m => m.ContactId == contact).ToListAsync();
        transport.HandedOver.Should().ContainSingle("the stop came during the first hand-over, and no other was started after it");
        var sent = messages.Single(m => m.Id == transport.HandedOver[0]);
        (sent.Status, sent.ProviderMessageId).Should().Be((MessageStatus.Sent, "stop-" + sent.Id), "the provider's answer came, so it is recorded");
        messages.Where(m => m.Id != sent.Id).Select(m => (m.Status, m.ClaimedAt, m.Attempts)).Should()
            .Equal([(MessageStatus.Queued, null, 0), (MessageStatus.Queued, null, 0)], "claimed but never handed over: back in the queue as they were");
    }
}
