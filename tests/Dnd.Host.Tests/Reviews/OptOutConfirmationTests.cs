using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Delivery;
using Dnd.Crm.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Reviews;

/// <summary>
/// After a text opt-out the contact may get one confirmation, within 5 minutes, once for that opt-out; after it nothing
/// else is ever sent on that channel.
/// </summary>
public class OptOutConfirmationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<List<JsonElement>> MessagesAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().ToList();

    private static bool IsConfirmation(JsonElement m) => m.GetProperty("purpose").GetString() == "opt-out-confirmation";

    [Fact]
    public async Task A_text_opt_out_is_confirmed_once_and_then_nothing_at_all_is_sent_on_that_channel()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551620001" })).GetProperty("id").GetString()!;

        var stop = await (await Twilio.InboundAsync(_app, account, "+15551620001", "STOP")).Content.ReadAsStringAsync();
        var again = await (await Twilio.InboundAsync(_app, account, "+15551620001", "stop")).Content.ReadAsStringAsync();
        var help = await (await Twilio.InboundAsync(_app, account, "+15551620001", "HELP")).Content.ReadAsStringAsync();
        var chat = await (await Twilio.InboundAsync(_app, account, "+15551620001", "ok thanks")).Content.ReadAsStringAsync();
        var send = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "Flash sale", purpose = "transactional" });

        stop.Should().Contain("<Message>").And.Contain("you are unsubscribed");
        foreach (var later in new[] { again, help, chat })
        {
            later.Should().NotContain("<Message>", "only the opt-out itself is answered, once");
        }
        await Http.ProblemAsync(send, 422);
        var outbound = (await MessagesAsync(account, id)).Where(m => m.GetProperty("direction").GetString() == "outbound").ToList();
        outbound.Should().ContainSingle("the confirmation is the one message after the opt-out");
        var confirmation = outbound.Single();
        IsConfirmation(confirmation).Should().BeTrue();
        confirmation.GetProperty("status").GetString().Should().Be("sent");
        confirmation.GetProperty("body").GetString().Should().Contain("you are unsubscribed");
        var optOut = (await account.LedgerAsync(id)).EnumerateArray().First(l => l.GetProperty("channel").GetString() == "SMS" && l.GetProperty("verdict").GetString() == "Applied");
        confirmation.GetProperty("ledgerSequence").GetInt64().Should().Be(optOut.GetProperty("sequence").GetInt64(), "it confirms that opt-out");
    }

    [Fact]
    public async Task With_the_setting_off_an_opt_out_gets_no_answer_at_all()
    {
        var account = await TestAccount.CreateAsync(_app);
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { sendOptOutConfirmation = false }), 200);
        var id = (await account.CreateContactAsync(new { phone = "+15551620002" })).GetProperty("id").GetString()!;

        var stop = await (await Twilio.InboundAsync(_app, account, "+15551620002", "STOP")).Content.ReadAsStringAsync();

        stop.Should().NotContain("<Message>");
        (await MessagesAsync(account, id)).Should().NotContain(m => m.GetProperty("direction").GetString() == "outbound");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        (await Http.JsonAsync(await account.Client.GetAsync("/locations/compliance/"))).GetProperty("sendOptOutConfirmation").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task An_opt_out_after_a_lift_is_a_new_opt_out_and_is_confirmed_again()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15551620003" })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(_app, account, "+15551620003", "STOP");
        await Twilio.InboundAsync(_app, account, "+15551620003", "START");
        var second = await (await Twilio.InboundAsync(_app, account, "+15551620003", "STOP")).Content.ReadAsStringAsync();

        second.Should().Contain("<Message>");
        (await MessagesAsync(account, id)).Count(IsConfirmation).Should().Be(2, "one per opt-out");
    }

    [Fact]
    public async Task The_outbox_lets_a_confirmation_through_dnd_only_inside_its_five_minutes()
    {
        var transport = new RecordingTransport();
        await using var app = new DndApp();
        using var withTransport = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMessageTransport>(transport)));
        var account = await TestAccount.CreateAsync(app, withTransport.CreateClient());
        var id = (await account.CreateContactAsync(new { phone = "+15551620004" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/compliance/", new { sendOptOutConfirmation = false }), 200);
        await Twilio.InboundAsync(app, account, "+15551620004", "STOP");
        // Confirmations waiting in the outbox (as a staff-confirmed opt-out queues one): one still in its window, one past it.
        var (inside, late) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await using (var scope = withTransport.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
            foreach (var (messageId, notAfter) in new[] { (inside, DateTimeOffset.UtcNow.AddMinutes(4)), (late, DateTimeOffset.UtcNow.AddSeconds(-1)) })
            {
                db.Messages.Add(new MessageRecord
                {
                    Id = messageId, AccountId = account.Id, ContactId = id, Channel = "SMS", Direction = "outbound", Status = MessageStatus.Queued,
                    Body = "You are unsubscribed.", Purpose = MessagePurpose.OptOutConfirmation, NotAfter = notAfter, CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }

        var messages = await Eventually.MatchAsync(() => MessagesAsync(account, id),
            all => all.Where(IsConfirmation).All(m => m.GetProperty("status").GetString() is not ("queued" or "sending")), "the outbox to take both");

        transport.Delivered.Should().Contain(inside).And.NotContain(late);
        var cancelled = messages.Single(m => m.GetProperty("id").GetString() == late);
        cancelled.GetProperty("status").GetString().Should().Be("cancelled");
        cancelled.GetProperty("statusReason").GetString().Should().Contain("only within 5 minutes");
    }
}
