using System.Net.Http.Json;
using Dnd.Crm.Delivery;
using Dnd.Crm.Integrations;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Dnd.Rules.Consent;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Delivery;

/// <summary>
/// The outbox reads a channel's route before its write; a connect can commit in between. Its answer "no integration"
/// is then stale, and parking the channel's messages on it would undo the connect's release for ten minutes.
/// </summary>
public sealed class StaleRouteTests
{
    /// <summary>A transport that still answers as before the connect: nothing carries any channel.</summary>
    private sealed class BeforeTheConnect : IMessageTransport
    {
        public Task<ConnectionLookup> RouteAsync(IServiceProvider scope, string accountId, Channel channel, CancellationToken ct) =>
            Task.FromResult(new ConnectionLookup(null, "no SMS integration connected", false));

        public Task<DeliveryOutcome> SendAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) => throw new InvalidOperationException();

        public Task<HandOverLookup> FindAsync(ProviderConnection connection, OutboundLetter letter, CancellationToken ct) => throw new InvalidOperationException();
    }

    [Fact]
    public async Task Messages_released_by_a_connect_are_not_parked_again_on_a_route_read_before_it()
    {
        using var twilio = new TwilioFake();
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        twilio.Account(sid, token, numbers: ["+15550002222"]);
        await using var app = new DndApp(settings: twilio.Settings.Append(new("Dnd:Messaging:PollInterval", "01:00:00")).ToDictionary(),
            services: s => s.AddSingleton<IMessageTransport, BeforeTheConnect>());
        var account = await TestAccount.CreateAsync(app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { "+15550002222" } }), 200);
        var contact = (await account.CreateContactAsync(new { phone = "+15551240001" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "Hi" }), 200);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(default);

        var message = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}"))).GetProperty("messages")[0];
        message.GetProperty("status").GetString().Should().Be("queued");
        message.GetProperty("notBefore").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "Twilio is connected: the message stays due");
    }
}
