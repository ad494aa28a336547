using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

public class SendActivityTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task A_blocked_send_is_skipped_with_its_reason_and_the_workflow_continues()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "sms-then-email-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("sms", "Send", new { channel = "SMS", body = "Hi" }), Activity("email", "Send", new { channel = "Email", subject = "Hi", body = "<p>Hi</p>" })],
            [Connect("sms", "Done", "email")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550700001", email = "g@example.com" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550700001", "STOP");

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, id), "Finished");

        // Both sends run in one write, usually within the 100 microseconds CreatedAt is stored to, so the list's order
        // between them is not defined: the email is found by its channel.
        var messages = await MessagesAsync(account, contact);
        Log(instance).Should().Equal(
            ("sms", "Done", "skipped: SMS DND is permanent (keyword_opt_out): Contact replied with an opt-out keyword"),
            ("email", "Done", $"sent: Email message {messages.Single(m => m.GetProperty("channel").GetString() == "Email").GetProperty("id").GetString()}"));
        messages.Select(m => (m.GetProperty("channel").GetString(), m.GetProperty("status").GetString()))
            .Should().BeEquivalentTo([("SMS", "skipped"), ("Email", "queued")]);
    }

    [Fact]
    public async Task A_wired_blocked_outcome_takes_the_other_path()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "fallback-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("sms", "Send", new { channel = "SMS", body = "Hi" }), Activity("email", "Send", new { channel = "Email", body = "Fallback" })],
            [Connect("sms", "Blocked", "email")]));
        var blocked = (await account.CreateContactAsync(new { phone = "+15550700002", email = "h@example.com", dndSettings = new { SMS = new { status = "active" } } }))
            .GetProperty("id").GetString()!;
        var reachable = (await account.CreateContactAsync(new { phone = "+15550700003", email = "i@example.com" })).GetProperty("id").GetString()!;

        var viaBlocked = await UntilStatusAsync(account, await StartAsync(account, blocked, id), "Finished");
        var viaDone = await UntilStatusAsync(account, await StartAsync(account, reachable, id), "Finished");

        Log(viaBlocked).Select(l => (l.Activity, l.Outcome)).Should().Equal(("sms", "Blocked"), ("email", "Done"));
        Log(viaDone).Select(l => (l.Activity, l.Outcome)).Should().Equal(("sms", "Done"));
    }

    [Fact]
    public async Task Dnd_is_checked_when_the_step_runs_not_when_the_workflow_starts()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "later-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("wait", "Delay", new { duration = "1" }), Activity("sms", "Send", new { channel = "SMS", body = "Reminder" })],
            [Connect("wait", "Done", "sms")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550700004" })).GetProperty("id").GetString()!;

        var instance = await StartAsync(account, contact, id);
        await Twilio.InboundAsync(_app, account, "+15550700004", "cancel");

        var finished = await UntilStatusAsync(account, instance, "Finished");
        Log(finished).Last().Note.Should().StartWith("skipped: SMS DND is permanent");
    }

    [Fact]
    public async Task A_step_that_throws_faults_the_instance_and_writes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "faulty-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("ok", "Send", new { channel = "SMS", body = "first" }), Activity("bad", "Send", new { channel = "SMS", body = "{{ for i in 1..5000 }}x{{ end }}" })],
            [Connect("ok", "Done", "bad")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550700005" })).GetProperty("id").GetString()!;

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, id), "Faulted");

        Log(instance).Select(l => (l.Activity, l.Outcome)).Should().Equal(("ok", "Done"), ("bad", "Faulted"));
        instance.GetProperty("instance").GetProperty("fault").GetString().Should().Contain("TemplateException");
        (await MessagesAsync(account, contact)).Should().ContainSingle("the failed step's message was rolled back");
    }
}
