using Dnd.Activities.Persistence;
using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Crm.Delivery;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Api;

/// <summary>No send survives a later opt-out: queued messages are cancelled by it, and checked again when they leave.</summary>
public class OutboxTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<JsonElement> MessageAsync(TestAccount account, string contactId, string messageId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId);

    private static async Task<string> QueueAsync(TestAccount account, string contactId, string type = "SMS")
    {
        var response = await account.Client.PostAsJsonAsync("/conversations/messages", new { type, contactId, message = "Sale today", subject = "Sale" });
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
    }

    [Fact]
    public async Task A_message_queued_before_a_stop_is_cancelled_by_it_with_the_reason_and_the_ledger_line()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551500001", email = "q@example.com" })).GetProperty("id").GetString()!;
        var sms = await QueueAsync(account, id);
        var email = await QueueAsync(account, id, "Email");

        await Twilio.InboundAsync(_app, account, "+15551500001", "STOP");

        var cancelled = await MessageAsync(account, id, sms);
        cancelled.GetProperty("status").GetString().Should().Be("cancelled");
        cancelled.GetProperty("statusReason").GetString().Should().Contain("SMS DND is permanent (keyword_opt_out)");
        var line = (await account.LedgerAsync(id)).EnumerateArray().Single(e => e.GetProperty("sequence").GetInt64() == cancelled.GetProperty("ledgerSequence").GetInt64());
        line.GetProperty("rule").GetString().Should().Be("InboundOptOutKeyword");
        (await MessageAsync(account, id, email)).GetProperty("status").GetString().Should().Be("queued", "the STOP was about SMS only");
    }

    [Fact]
    public async Task The_outbox_checks_consent_again_when_a_message_leaves()
    {
        var transport = new RecordingTransport();
        // One server: a second one on the same database (without the transport) could take the message first and park it.
        await using var app = new DndApp(services: s => s.AddSingleton<IMessageTransport>(transport));
        var account = await TestAccount.CreateAsync(app, app.CreateClient());
        var open = (await account.CreateContactAsync(new { phone = "+15551500002" })).GetProperty("id").GetString()!;
        var stopped = (await account.CreateContactAsync(new { phone = "+15551500003" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(app, account, "+15551500003", "STOP");
        // A message that reached the outbox past every other gate (written by an older version, or by hand).
        string bypass;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            bypass = Guid.NewGuid().ToString("N");
            db.Messages.Add(new MessageRecord
            {
                Id = bypass, AccountId = account.Id, ContactId = stopped, Channel = "SMS", Direction = "outbound", Status = MessageStatus.Queued,
                Body = "hi", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var fine = await QueueAsync(account, open);

        var sent = await Eventually.MatchAsync(() => MessageAsync(account, open, fine), m => m.GetProperty("status").GetString() == "sent", "delivery");
        var blocked = await Eventually.MatchAsync(() => MessageAsync(account, stopped, bypass), m => m.GetProperty("status").GetString() != "queued", "the check");

        transport.Delivered.Should().Contain(fine).And.NotContain(bypass);
        sent.GetProperty("status").GetString().Should().Be("sent");
        blocked.GetProperty("status").GetString().Should().Be("cancelled");
        blocked.GetProperty("statusReason").GetString().Should().Contain("SMS DND is permanent");
        blocked.GetProperty("ledgerSequence").GetInt64().Should().BeGreaterThan(0);
    }
}
