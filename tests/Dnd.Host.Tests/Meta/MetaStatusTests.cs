using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Meta;

/// <summary>
/// A WhatsApp status's error code read by the DND rules (meta-error-codes.json), as a Twilio status callback's is:
/// 131050 (the contact stopped marketing messages) is their WhatsApp opt-out, applied once per status, with a ledger
/// line naming the rule and the code; an unknown code is recorded on the message and changes nothing.
/// </summary>
public sealed class MetaStatusTests(MetaFixture fixture) : IClassFixture<MetaFixture>
{
    private static async Task<HttpResponseMessage> SendAsync(TestAccount account, string type, string contactId, string text) =>
        await account.Client.PostAsJsonAsync("/conversations/messages", new { type, contactId, message = text });

    private static async Task<JsonElement> MessageAsync(TestAccount account, string contactId, string messageId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId);

    /// <summary>A contact with the number and a WhatsApp message Meta took for them: its id and wamid.</summary>
    private async Task<(string Contact, string Message, string Wamid)> SentAsync(Connected c, string phone)
    {
        var contact = (await c.Account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;
        var queued = await SendAsync(c.Account, "WhatsApp", contact, "Weekend offer: 2 for 1");
        await Http.EnsureAsync(queued, 200);
        var id = (await Http.JsonAsync(queued)).GetProperty("messageId").GetString()!;
        await fixture.OutboxPassAsync();
        return (contact, id, (await MessageAsync(c.Account, contact, id)).GetProperty("providerMessageId").GetString()!);
    }

    [Fact]
    public async Task A_131050_status_is_permanent_WhatsApp_DND_named_in_the_ledger_once_and_WhatsApp_is_refused_while_SMS_is_not()
    {
        var c = await fixture.ConnectedAsync();
        var (contact, message, wamid) = await SentAsync(c, "+15552600001");
        var stopped = MetaWebhook.Status(wamid, "15552600001", "failed", 131050);

        var first = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, stopped, c.AppSecret);
        await Http.EnsureAsync(first, 200);

        (await Http.JsonAsync(first)).GetProperty("statuses").GetInt32().Should().Be(1);
        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().Be("permanent");
        (await c.Account.DndStatusAsync(contact, "SMS")).Should().Be("inactive", "131050 is about WhatsApp");
        var ledger = await c.Account.LedgerAsync(contact);
        var line = ledger.EnumerateArray().Single(e => e.GetProperty("verdict").GetString() == "Applied");
        (line.GetProperty("channel").GetString(), line.GetProperty("rule").GetString(), line.GetProperty("actor").GetString(), line.GetProperty("after").GetString())
            .Should().Be(("WhatsApp", "WhatsAppMarketingStopped", "Provider", "Permanent"), line.ToString());
        line.GetProperty("explanation").GetString().Should().Contain("Meta 131050").And.Contain("per channel");
        line.GetProperty("actedBy").GetString().Should().Be($"meta whatsapp status failed of message {wamid}");
        var reported = await MessageAsync(c.Account, contact, message);
        (reported.GetProperty("providerStatus").GetString(), reported.GetProperty("providerErrorCode").GetString()).Should().Be(("failed", "131050"));

        // Meta redelivers: the same status of the same message is applied once.
        var again = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, stopped, c.AppSecret);
        await Http.EnsureAsync(again, 200);
        (await Http.JsonAsync(again)).GetProperty("statuses").GetInt32().Should().Be(0);
        (await c.Account.LedgerAsync(contact)).GetArrayLength().Should().Be(ledger.GetArrayLength());

        var problem = await Http.ProblemAsync(await SendAsync(c.Account, "WhatsApp", contact, "Last chance: 2 for 1"), 422);
        problem.ToString().Should().Contain("meta_131050");
        await Http.EnsureAsync(await SendAsync(c.Account, "SMS", contact, "Your order shipped"), 200);
        await fixture.OutboxPassAsync();
        fixture.Meta.Sent.Should().NotContain(s => s.Body.ToString().Contains("Last chance", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_131050_a_workflow_skips_its_WhatsApp_step_with_the_reason_and_still_sends_the_SMS()
    {
        var c = await fixture.ConnectedAsync();
        var (contact, _, wamid) = await SentAsync(c, "+15552600005");
        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.Status(wamid, "15552600005", "failed", 131050));
        var id = "whatsapp-then-sms-" + c.Account.Id;
        await PublishAsync(c.Account, Definition(id,
            [Activity("wa", "Send", new { channel = "WhatsApp", body = "New arrivals" }), Activity("sms", "Send", new { channel = "SMS", body = "New arrivals" })],
            [Connect("wa", "Done", "sms")]));

        var instance = await UntilStatusAsync(c.Account, await StartAsync(c.Account, contact, id), "Finished");

        var log = Log(instance).ToList();
        log.Select(l => (l.Activity, l.Outcome)).Should().Equal(("wa", "Done"), ("sms", "Done"));
        log[0].Note.Should().StartWith("skipped: WhatsApp DND is permanent (meta_131050)");
        log[1].Note.Should().StartWith("sent: SMS message");
    }

    [Fact]
    public async Task The_contacts_START_on_WhatsApp_lifts_131050()
    {
        var c = await fixture.ConnectedAsync();
        var (contact, _, wamid) = await SentAsync(c, "+15552600002");
        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.Status(wamid, "15552600002", "failed", 131050));

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.WhatsApp("15552600002", "START"));

        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().Be("inactive");
    }

    [Fact]
    public async Task An_unknown_code_and_a_delivery_are_recorded_on_the_message_and_change_no_DND()
    {
        var c = await fixture.ConnectedAsync();
        var (contact, message, wamid) = await SentAsync(c, "+15552600003");

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.Status(wamid, "15552600003", "delivered"));
        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.Status(wamid, "15552600003", "failed", 131000));

        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().Be("inactive");
        (await c.Account.LedgerAsync(contact)).EnumerateArray().Should().NotContain(e => e.GetProperty("verdict").GetString() == "Applied");
        var reported = await MessageAsync(c.Account, contact, message);
        (reported.GetProperty("providerStatus").GetString(), reported.GetProperty("providerErrorCode").GetString()).Should().Be(("failed", "131000"));
        await Http.EnsureAsync(await SendAsync(c.Account, "WhatsApp", contact, "Still open"), 200);
    }

    [Fact]
    public async Task A_send_Meta_refuses_with_131026_fails_with_the_code_and_the_rules_make_WhatsApp_DND_temporary()
    {
        var c = await fixture.ConnectedAsync();
        fixture.Meta.Refuse("15552600004", 131026, "Message undeliverable");
        var contact = (await c.Account.CreateContactAsync(new { phone = "+15552600004" })).GetProperty("id").GetString()!;
        var id = (await Http.JsonAsync(await SendAsync(c.Account, "WhatsApp", contact, "Hello there"))).GetProperty("messageId").GetString()!;

        await fixture.OutboxPassAsync();

        var failed = await MessageAsync(c.Account, contact, id);
        (failed.GetProperty("status").GetString(), failed.GetProperty("providerErrorCode").GetString()).Should().Be(("failed", "131026"));
        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().Be("active", "not a WhatsApp user is the address's problem, which a user may lift");
    }
}
