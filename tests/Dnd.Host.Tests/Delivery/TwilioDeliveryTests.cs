using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Dnd.Host.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Delivery;

/// <summary>
/// Messages leave through the account's Twilio integration (a WireMock stand-in): consent is judged as they leave, the
/// provider's answers and statuses come back into the DND rules, and a hand-over lost in a crash is not sent twice.
/// </summary>
public sealed class TwilioDeliveryTests(ProviderFakes fakes) : IClassFixture<ProviderFakes>
{
    private const string Sender = "+15550002222";

    private sealed record Connected(TestAccount Account, string Sid, string Token);

    private async Task<Connected> ConnectedAsync()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        fakes.Twilio.Account(sid, token, numbers: [Sender]);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { Sender } }), 200);
        // The integration's token verifies the account's webhooks from now on.
        return new Connected(new TestAccount { Id = account.Id, ApiKey = account.ApiKey, Client = account.Client, TwilioToken = token, MailgunKey = account.MailgunKey },
            sid, token);
    }

    private static async Task<string> ContactAsync(TestAccount account, string phone) =>
        (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

    private static async Task<string> SendAsync(TestAccount account, string contactId, string text)
    {
        var response = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId, message = text });
        await Http.EnsureAsync(response, 200);
        return (await Http.JsonAsync(response)).GetProperty("messageId").GetString()!;
    }

    private static async Task<JsonElement> MessageAsync(TestAccount account, string contactId, string messageId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId);

    private IEnumerable<IDictionary<string, string>> SentTo(string phone) => fakes.Twilio.SentMessages.Where(m => m.TryGetValue("To", out var to) && to == phone);

    [Fact]
    public async Task A_workflow_send_reaches_twilio_its_30004_status_makes_sms_permanent_and_the_next_send_is_skipped()
    {
        var (account, _, token) = await ConnectedAsync();
        const string phone = "+15551230001";
        var contact = await ContactAsync(account, phone);
        await PublishAsync(account, Definition("welcome", [Activity("hello", "Send", new { channel = "SMS", body = "Welcome aboard" })], []));

        await StartAsync(account, contact, "welcome");
        await Eventually.MatchAsync(async () => { await fakes.OutboxPassAsync(); return SentTo(phone).Count(); }, n => n == 1, "the workflow's text to reach Twilio");

        var sent = SentTo(phone).Single();
        sent["Body"].Should().StartWith("Welcome aboard");
        sent["From"].Should().Be(Sender);
        var callback = new Uri(sent["StatusCallback"]);
        callback.AbsolutePath.Should().Be($"/webhooks/twilio/{account.Id}/status");
        var message = (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contact}"))).GetProperty("messages")[0];
        var messageSid = message.GetProperty("providerMessageId").GetString()!;
        // Twilio reports the carrier's block on the StatusCallback the message named, for the MessageSid it gave it.
        await Http.EnsureAsync(await Twilio.PostAsync(fakes.App, account, "status", new()
        {
            ["MessageSid"] = messageSid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30004", ["To"] = phone, ["From"] = Sender,
        }, token), 200);
        (await account.DndStatusAsync(contact, "SMS")).Should().Be("permanent");
        var reported = await MessageAsync(account, contact, message.GetProperty("id").GetString()!);
        reported.GetProperty("providerStatus").GetString().Should().Be("undelivered");
        reported.GetProperty("providerErrorCode").GetString().Should().Be("30004");
        var again = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "Still there?" });
        await Http.ProblemAsync(again, 422);
        await fakes.OutboxPassAsync();
        SentTo(phone).Should().HaveCount(1, "nothing more reaches Twilio");
    }

    [Fact]
    public async Task A_stop_arriving_while_a_message_is_queued_means_it_never_reaches_twilio()
    {
        var (account, _, _) = await ConnectedAsync();
        const string phone = "+15551230002";
        var contact = await ContactAsync(account, phone);
        var queued = await SendAsync(account, contact, "Flash sale");

        await Twilio.InboundAsync(fakes.App, account, phone, "STOP");
        await fakes.OutboxPassAsync();

        SentTo(phone).Should().BeEmpty();
        (await MessageAsync(account, contact, queued)).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Disconnected_sends_wait_held_and_leave_once_reconnected()
    {
        var (account, sid, _) = await ConnectedAsync();
        const string phone = "+15551230003";
        var contact = await ContactAsync(account, phone);
        await Http.EnsureAsync(await account.Client.DeleteAsync("/locations/integrations/twilio"), 200);
        var held = await SendAsync(account, contact, "Your order shipped");
        await fakes.OutboxPassAsync();
        SentTo(phone).Should().BeEmpty();
        (await MessageAsync(account, contact, held)).GetProperty("status").GetString().Should().Be("held");

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new { accountSid = sid, senderNumbers = new[] { Sender } }), 200);
        await fakes.OutboxPassAsync();

        SentTo(phone).Should().ContainSingle().Which["Body"].Should().StartWith("Your order shipped");
        var sent = await MessageAsync(account, contact, held);
        sent.GetProperty("status").GetString().Should().Be("sent", sent.ToString());
        sent.GetProperty("providerMessageId").GetString().Should().StartWith("SM");
    }

    [Fact]
    public async Task A_number_twilio_refuses_for_good_fails_the_message_with_the_code_and_the_rules_read_it()
    {
        var (account, sid, _) = await ConnectedAsync();
        const string phone = "+15551230004";
        fakes.Twilio.Refuse(sid, phone, 21610, "Attempt to send to unsubscribed recipient");
        var contact = await ContactAsync(account, phone);
        var refused = await SendAsync(account, contact, "Hello");

        await fakes.OutboxPassAsync();
        await fakes.OutboxPassAsync();

        var failed = await MessageAsync(account, contact, refused);
        failed.GetProperty("status").GetString().Should().Be("failed");
        failed.GetProperty("providerErrorCode").GetString().Should().Be("21610");
        failed.GetProperty("statusReason").GetString().Should().Contain("unsubscribed recipient");
        (await account.DndStatusAsync(contact, "SMS")).Should().Be("permanent", "21610 means the recipient replied STOP to this sender");
        SentTo(phone).Should().HaveCount(1, "a permanent refusal is never retried");
    }

    [Fact]
    public async Task A_rate_limited_send_waits_for_its_retry_and_then_leaves()
    {
        using var twilio = new TwilioFake();
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        twilio.Account(sid, token, numbers: [Sender]);
        var clock = new TestClock();
        await using var app = new DndApp(settings: twilio.Settings.Append(new("Dnd:Messaging:PollInterval", "01:00:00")).ToDictionary(),
            services: s => s.AddSingleton<TimeProvider>(clock));
        var account = await TestAccount.CreateAsync(app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio",
            new { accountSid = sid, authToken = token, senderNumbers = new[] { Sender } }), 200);
        var contact = await ContactAsync(account, "+15551230005");
        var message = await SendAsync(account, contact, "Hi");
        var outbox = app.Services.GetRequiredService<Dnd.Crm.Delivery.OutboxDispatcher>();

        twilio.RateLimit(retryAfterSeconds: 30);
        await outbox.DispatchPendingAsync(default);

        var waiting = await MessageAsync(account, contact, message);
        waiting.GetProperty("status").GetString().Should().Be("queued");
        waiting.GetProperty("statusReason").GetString().Should().StartWith("retrying: Twilio is busy").And.Contain("429");
        waiting.GetProperty("notBefore").GetDateTimeOffset().Should().BeOnOrAfter(clock.GetUtcNow().AddSeconds(29), "Retry-After is honoured");
        twilio.EndRateLimit();
        await outbox.DispatchPendingAsync(default);
        (await MessageAsync(account, contact, message)).GetProperty("status").GetString().Should().Be("queued", "not before its retry time");

        clock.Advance(TimeSpan.FromSeconds(31));
        await outbox.DispatchPendingAsync(default);
        var sent = await MessageAsync(account, contact, message);
        sent.GetProperty("status").GetString().Should().Be("sent");
        sent.TryGetProperty("statusReason", out var reason).Should().BeTrue();
        reason.ValueKind.Should().Be(JsonValueKind.Null, "the retry's reason means nothing once it is sent");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_hand_over_whose_answer_was_lost_is_looked_up_at_twilio_and_never_sent_twice(bool twilioHasIt)
    {
        var (account, sid, _) = await ConnectedAsync();
        var phone = twilioHasIt ? "+15551230006" : "+15551230007";
        var contact = await ContactAsync(account, phone);
        var message = await SendAsync(account, contact, "Appointment tomorrow at 10");
        // The process died after claiming the message: it is "sending", claimed longer ago than the lease.
        var claimedAt = fakes.Clock.GetUtcNow().AddMinutes(-5);
        string body;
        await using (var scope = fakes.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            var row = await db.Messages.SingleAsync(m => m.Id == message);
            (row.Status, row.ClaimedAt, row.Attempts, body) = (MessageStatus.Sending, claimedAt, 1, row.Body);
            await db.SaveChangesAsync();
        }
        fakes.Twilio.Lists(sid, phone, twilioHasIt ? [("SMlost0001", body, claimedAt.AddSeconds(1))] : []);

        await fakes.OutboxPassAsync();

        var after = await MessageAsync(account, contact, message);
        after.GetProperty("status").GetString().Should().Be("sent");
        if (twilioHasIt)
        {
            after.GetProperty("providerMessageId").GetString().Should().Be("SMlost0001");
            SentTo(phone).Should().BeEmpty("Twilio had it: no second copy");
        }
        else
        {
            SentTo(phone).Should().ContainSingle("Twilio never got it: it is judged again and sent once");
            after.GetProperty("providerMessageId").GetString().Should().NotBe("SMlost0001");
        }
    }
}
