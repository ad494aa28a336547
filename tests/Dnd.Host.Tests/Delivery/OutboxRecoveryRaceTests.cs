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
/// With several hosts, two can look up the same lost hand-over. If the other one got there first (re-queued the message
/// and its dispatcher claimed it again, a hand-over now under way), this one's stale "not found" must not re-queue that
/// live claim, or the text goes out twice.
/// </summary>
public sealed class OutboxRecoveryRaceTests
{
    /// <summary>While this host looks a message up, another host claims it anew; the provider answers "not found".</summary>
    private sealed class ReclaimedDuringLookup(Func<string, Task> reclaim) : IMessageTransport
    {
        private sealed record Connection() : ProviderConnection("reclaimed");

        public List<string> HandedOver { get; } = [];

        public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
            Task.FromResult(new ConnectionLookup(new Connection(), null, false));

        public Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
        {
            lock (HandedOver)
            {
                HandedOver.Add(letter.MessageId);
            }
            return Task.FromResult(DeliveryOutcome.Accepted("sent-" + letter.MessageId));
        }

        public async Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct)
        {
            await reclaim(letter.MessageId);
            return HandOverLookup.NotFound;
        }
    }

    [Fact]
    public async Task A_lookup_is_not_recorded_over_a_newer_claim_of_the_message()
    {
        DndApp? app = null;
        var reclaimedAt = DateTimeOffset.UtcNow;
        var transport = new ReclaimedDuringLookup(async id =>
        {
            await using var other = app!.Services.CreateAsyncScope();
            await other.ServiceProvider.GetRequiredService<DndDbContext>().Messages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedAt, reclaimedAt).SetProperty(m => m.Attempts, 2));
        });
        await using var _ = app = new DndApp(services: s =>
        {
            // The pass is run by the test alone.
            foreach (var hosted in s.Where(d => d.ServiceType == typeof(IHostedService) && FuzzApp.IsOurs(d)).ToList())
            {
                s.Remove(hosted);
            }
            s.AddSingleton<IMessageTransport>(transport);
        });
        var account = await TestAccount.CreateAsync(app);
        var contact = (await account.CreateContactAsync(new { phone = "+15551630001" })).GetProperty("id").GetString()!;
        var response = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "Once" });
        await Http.EnsureAsync(response, 200);
        var id = (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Claimed by a host that died an hour ago: its hand-over is lost, to be looked up.
            await scope.ServiceProvider.GetRequiredService<DndDbContext>().Messages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.ClaimedAt, DateTimeOffset.UtcNow.AddHours(-1))
                    .SetProperty(m => m.Attempts, 1));
        }

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        await using var check = app.Services.CreateAsyncScope();
        var message = await check.ServiceProvider.GetRequiredService<DndDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id);
        transport.HandedOver.Should().BeEmpty("the other host's hand-over is under way; this one must not send it again");
        (message.Status, message.Attempts).Should().Be((MessageStatus.Sending, 2), "the newer claim stands, left to its own host");
    }
}
