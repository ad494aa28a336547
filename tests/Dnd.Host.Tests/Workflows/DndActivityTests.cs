using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Workflows;

public class DndActivityTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Set_dnd_goes_through_the_override_rules()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "set-dnd-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("email-on", "SetDnd", new { channel = "Email", enabled = true, message = "cold lead" }), Activity("all-off", "SetDnd", new { channel = "all", enabled = false })],
            [Connect("email-on", "Done", "all-off")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550800001", email = "j@example.com" })).GetProperty("id").GetString()!;
        await Twilio.InboundAsync(_app, account, "+15550800001", "STOP");

        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, id), "Finished");

        (await account.DndStatusAsync(contact, "SMS")).Should().Be("permanent", "a workflow acts for a user and cannot lift permanent DND");
        (await account.DndStatusAsync(contact, "Email")).Should().Be("inactive");
        Log(instance).Last().Note.Should().Contain("UserCannotLiftPermanent");
        var ledger = (await account.LedgerAsync(contact)).EnumerateArray().ToList();
        ledger.Should().Contain(e => e.GetProperty("actor").GetString() == "Workflow" && e.GetProperty("event").GetString()!.Contains(id));
    }

    [Fact]
    public async Task Remove_from_all_workflows_cancels_the_contacts_other_instances()
    {
        var account = await TestAccount.CreateAsync(_app);
        var waiting = "waiting-" + account.Id;
        var remover = "remover-" + account.Id;
        await PublishAsync(account, Definition(waiting, [Activity("wait", "Delay", new { duration = "01:00:00" })], []));
        await PublishAsync(account, Definition(remover,
            [Activity("remove", "RemoveFromAllWorkflows"), Activity("after", "SetDnd", new { channel = "Call", enabled = true })],
            [Connect("remove", "Done", "after")]));
        var contact = (await account.CreateContactAsync(new { phone = "+15550800002" })).GetProperty("id").GetString()!;
        var other = (await account.CreateContactAsync(new { phone = "+15550800003" })).GetProperty("id").GetString()!;
        var first = await StartAsync(account, contact, waiting);
        var untouched = await StartAsync(account, other, waiting);

        var removing = await UntilStatusAsync(account, await StartAsync(account, contact, remover), "Finished");

        var cancelled = await InstanceAsync(account, first);
        Status(cancelled).Should().Be("Cancelled");
        cancelled.GetProperty("bookmarks").GetArrayLength().Should().Be(0);
        Status(await InstanceAsync(account, untouched)).Should().Be("Suspended", "other contacts are not affected");
        Log(removing).First().Note.Should().Be("removed from 1 other workflow(s)");
        await Http.EnsureAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/{waiting}", null), 200);
    }

    [Fact]
    public async Task Reentry_is_refused_unless_the_workflow_allows_it()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "once-" + account.Id;
        await PublishAsync(account, Definition(id, [Activity("wait", "Delay", new { duration = "01:00:00" })], []));
        var contact = (await account.CreateContactAsync(new { phone = "+15550800004" })).GetProperty("id").GetString()!;
        await StartAsync(account, contact, id);

        await Http.ProblemAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/{id}", null), 409);
        var removed = await Http.JsonAsync(await account.Client.DeleteAsync($"/contacts/{contact}/workflow/{id}"));
        removed.GetProperty("removed").GetInt32().Should().Be(1);
        await Http.EnsureAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/{id}", null), 200);
    }

    [Fact]
    public async Task Dnd_changed_trigger_fires_on_matching_channel_and_state_only()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "on-sms-dnd-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("trigger", "DndChangedTrigger", new { channel = "SMS", state = "on" }), Activity("email", "Send", new { channel = "Email", body = "We will stop texting you." })],
            [Connect("trigger", "Done", "email")], allowReentry: true));
        var contact = (await account.CreateContactAsync(new { phone = "+15550800005", email = "k@example.com" })).GetProperty("id").GetString()!;

        await account.Client.PutAsJsonAsync($"/contacts/{contact}", new { dndSettings = new { Email = new { status = "active" } } });
        await account.Client.PutAsJsonAsync($"/contacts/{contact}", new { dndSettings = new { Email = new { status = "inactive" } } });
        await Twilio.InboundAsync(_app, account, "+15550800005", "STOP");

        var instances = await Eventually.MatchAsync(() => InstancesAsync(account, contact), i => i.GetArrayLength() > 0, "the trigger to start a workflow");
        await Twilio.InboundAsync(_app, account, "+15550800005", "START");
        await Task.Delay(500);

        instances = await InstancesAsync(account, contact);
        instances.GetArrayLength().Should().Be(1, "Email changes and SMS turning off do not match the filter");
        var log = instances[0].GetProperty("log").EnumerateArray().ToList();
        log[0].GetProperty("note").GetString().Should().Be("SMS DND turned on");
        (await MessagesAsync(account, contact)).Should().ContainSingle(m => m.GetProperty("channel").GetString() == "Email");
    }

    [Fact]
    public async Task Form_trigger_resubscribes_through_the_rules()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "resubscribe-" + account.Id;
        await PublishAsync(account, Definition(id,
            [Activity("form", "FormSubmittedTrigger", new { formId = "newsletter", resubscribe = true }), Activity("welcome", "Send", new { channel = "Email", body = "Welcome back" })],
            [Connect("form", "Done", "welcome")], allowReentry: true));
        var unsubscribed = $"u{account.Id}@example.com";
        var complained = $"c{account.Id}@example.com";
        var a = (await account.CreateContactAsync(new { email = unsubscribed })).GetProperty("id").GetString()!;
        var b = (await account.CreateContactAsync(new { email = complained })).GetProperty("id").GetString()!;
        await Mailgun.PostAsync(_app, account, unsubscribed, "unsubscribed");
        await Mailgun.PostAsync(_app, account, complained, "complained");

        await account.Client.PostAsJsonAsync("/forms/other-form/submissions", new { email = unsubscribed, consent = true });
        await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { email = unsubscribed, consent = true });
        await account.Client.PostAsJsonAsync("/forms/newsletter/submissions", new { contactId = b, consent = true });

        await Eventually.MatchAsync(() => account.DndStatusAsync(a, "Email"), s => s == "inactive", "the unsubscribe to be lifted");
        var spam = await Eventually.MatchAsync(() => InstancesAsync(account, b), i => i.GetArrayLength() == 1 && i[0].GetProperty("instance").GetProperty("status").GetString() == "Finished", "the spam-locked contact's workflow");
        (await account.DndStatusAsync(b, "Email")).Should().Be("permanent");
        spam[0].GetProperty("log")[1].GetProperty("note").GetString().Should().StartWith("skipped: Email DND is permanent (spam_complaint)");
        (await InstancesAsync(account, a)).GetArrayLength().Should().Be(1, "the other form does not match the trigger");
    }

    [Fact]
    public async Task Wait_for_reply_resumes_on_inbound_sms_or_times_out()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = "ask-" + account.Id;
        await PublishAsync(account, Definition(id,
            [
                Activity("wait", "WaitForReply", new { channel = "SMS", timeout = "2" }),
                Activity("thanks", "Send", new { channel = "SMS", body = "Thanks!" }),
                Activity("nudge", "Send", new { channel = "Email", body = "Still there?" }),
            ],
            [Connect("wait", "Replied", "thanks"), Connect("wait", "TimedOut", "nudge")]));
        var replier = (await account.CreateContactAsync(new { phone = "+15550800006", email = "r@example.com" })).GetProperty("id").GetString()!;
        var silent = (await account.CreateContactAsync(new { phone = "+15550800007", email = "s@example.com" })).GetProperty("id").GetString()!;
        var replied = await StartAsync(account, replier, id);
        var timedOut = await StartAsync(account, silent, id);

        await Twilio.InboundAsync(_app, account, "+15550800006", "STOP");
        await Twilio.InboundAsync(_app, account, "+15550800006", "START");
        Status(await InstanceAsync(account, replied)).Should().Be("Suspended", "opt-out and opt-in keywords are not answers");
        await Twilio.InboundAsync(_app, account, "+15550800006", "sounds good");

        Log(await UntilStatusAsync(account, replied, "Finished")).Select(l => (l.Activity, l.Outcome))
            .Should().Equal(("wait", "Suspended"), ("wait", "Replied"), ("thanks", "Done"));
        Log(await UntilStatusAsync(account, timedOut, "Finished")).Select(l => (l.Activity, l.Outcome))
            .Should().Equal(("wait", "Suspended"), ("wait", "TimedOut"), ("nudge", "Done"));
    }
}
