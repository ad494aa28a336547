using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Webhooks;

namespace Dnd.Host.Tests.Api;

public class TwilioWebhookTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Theory]
    [InlineData("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("+14158675310", "GvWf1cFY/Q7PnoempGyD5oXAezc=")]
    public void Signature_matches_twilios_documented_example(string caller, string expected)
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = caller, ["Digits"] = "1234", ["From"] = caller, ["To"] = "+18005551212",
        };

        TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form).Should().Be(expected);
    }

    [Fact]
    public async Task Stop_reply_sets_sms_permanent_and_start_lifts_it()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550200001" })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(_app, account, "+15550200001", " Stop ");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");

        await Twilio.InboundAsync(_app, account, "+15550200001", "START");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        var rules = (await account.LedgerAsync(id)).EnumerateArray().Select(e => e.GetProperty("rule").GetString());
        rules.Should().ContainInOrder("InboundOptOutKeyword", "InboundOptInKeyword");
    }

    [Fact]
    public async Task Advanced_opt_out_type_outranks_the_body_and_a_url_signed_with_the_default_port_is_accepted()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550200009" })).GetProperty("id").GetString()!;
        Dictionary<string, string> Inbound(string body, string type) => new()
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = "+15550200009", ["To"] = "+15550009999", ["Body"] = body, ["OptOutType"] = type,
        };

        await Http.EnsureAsync(await Twilio.PostAsync(_app, account, "sms", Inbound("no thanks", "STOP"), signedBase: "http://dnd.test:80"), 200);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        await Http.EnsureAsync(await Twilio.PostAsync(_app, account, "sms", Inbound("HELP", "HELP")), 200);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent", "HELP changes nothing");
        await Http.EnsureAsync(await Twilio.PostAsync(_app, account, "sms", Inbound("QUIT", "START")), 200);

        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive", "Twilio unblocked the number: its START outranks the body's QUIT");
        (await account.LedgerAsync(id)).EnumerateArray().Select(e => e.GetProperty("rule").GetString())
            .Should().ContainInOrder("TwilioAdvancedOptOutStop", "TwilioAdvancedOptOutHelp", "TwilioAdvancedOptOutStart");
        await Http.ProblemAsync(await Twilio.PostAsync(_app, account, "sms", Inbound("hi", "STOP"), signedBase: "http://dnd.test:8080"), 403);
    }

    [Fact]
    public async Task Whatsapp_stop_blocks_only_whatsapp_and_unknown_senders_become_contacts()
    {
        var account = await TestAccount.CreateAsync(_app);

        await Twilio.InboundAsync(_app, account, "whatsapp:+15550200002", "stop");

        var search = await Http.JsonAsync(await account.Client.PostAsJsonAsync("/contacts/search",
            new { filters = new[] { new { field = "phone", @operator = "eq", value = "+15550200002" } } }));
        var contact = search.GetProperty("contacts")[0];
        contact.GetProperty("dndSettings").GetProperty("WhatsApp").GetProperty("status").GetString().Should().Be("permanent");
        contact.GetProperty("dndSettings").GetProperty("SMS").GetProperty("status").GetString().Should().Be("inactive");
    }

    [Fact]
    public async Task A_bad_signature_is_refused_and_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550200003" })).GetProperty("id").GetString()!;

        var forged = await Twilio.PostAsync(_app, account, "sms",
            new() { ["MessageSid"] = "SMforged", ["From"] = "+15550200003", ["Body"] = "STOP" }, token: "wrong-token");
        var unsigned = await _app.CreateClient().PostAsync($"/webhooks/twilio/{account.Id}/sms",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["MessageSid"] = "SMx", ["From"] = "+15550200003", ["Body"] = "STOP" }));

        await Http.ProblemAsync(forged, 403);
        await Http.ProblemAsync(unsigned, 403);
        (await account.DndStatusAsync(id, "SMS")).Should().Be("inactive");
        await Http.ProblemAsync(await _app.CreateClient().PostAsync("/webhooks/twilio/no-such-account/sms", new FormUrlEncodedContent([])), 404);
    }

    [Fact]
    public async Task Duplicate_delivery_changes_nothing()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550200004" })).GetProperty("id").GetString()!;

        await Twilio.InboundAsync(_app, account, "+15550200004", "STOP", sid: "SMdup");
        await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dndSettings = new { Email = new { status = "active" } } });
        var ledgerBefore = (await account.LedgerAsync(id)).GetArrayLength();
        await Twilio.InboundAsync(_app, account, "+15550200004", "STOP", sid: "SMdup");
        var statusSid = "SMstatus1";
        await Http.EnsureAsync(await Twilio.StatusAsync(_app, account, "+15550200004", "failed", "30003", statusSid), 200);
        var afterStatus = (await account.LedgerAsync(id)).GetArrayLength();
        var again = await Twilio.StatusAsync(_app, account, "+15550200004", "failed", "30003", statusSid);

        (await Http.JsonAsync(again)).GetProperty("duplicate").GetBoolean().Should().BeTrue();
        afterStatus.Should().Be(ledgerBefore + 1, "the redelivered STOP wrote nothing, the new status wrote one line");
        (await account.LedgerAsync(id)).GetArrayLength().Should().Be(afterStatus);
        var messages = await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"));
        messages.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("direction").GetString(), m.GetProperty("purpose").GetString()))
            .Should().BeEquivalentTo([("inbound", "marketing"), ("outbound", "opt-out-confirmation")], "one inbound message and one confirmation, not two");
    }

    [Theory]
    [InlineData("30003", "active")]
    [InlineData("30005", "active")]
    [InlineData("30006", "active")]
    [InlineData("30004", "permanent")]
    [InlineData("21610", "permanent")]
    [InlineData("30007", "inactive")]
    public async Task Status_callbacks_apply_error_code_rules(string code, string expected)
    {
        var account = await TestAccount.CreateAsync(_app);
        var phone = $"+1555030{code[^4..]}";
        var id = (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

        var response = await Twilio.StatusAsync(_app, account, phone, "undelivered", code);

        await Http.EnsureAsync(response, 200);
        (await account.DndStatusAsync(id, "SMS")).Should().Be(expected);
        (await Http.JsonAsync(response)).GetProperty("explanation").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Inbound_dnd_rejects_calls_but_still_honours_stop()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550200005", inboundDndSettings = new { all = new { status = "active" } } }))
            .GetProperty("id").GetString()!;
        var open = await account.CreateContactAsync(new { phone = "+15550200006" });

        var blocked = await (await Twilio.PostAsync(_app, account, "voice", new() { ["CallSid"] = "CA1", ["From"] = "+15550200005" })).Content.ReadAsStringAsync();
        var allowed = await (await Twilio.PostAsync(_app, account, "voice", new() { ["CallSid"] = "CA2", ["From"] = "+15550200006" })).Content.ReadAsStringAsync();
        await Twilio.InboundAsync(_app, account, "+15550200005", "STOP");

        blocked.Should().Contain("<Reject");
        allowed.Should().NotContain("<Reject");
        (await account.DndStatusAsync(id, "SMS")).Should().Be("permanent");
        var messages = await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"));
        messages.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("direction").GetString() == "inbound")
            .Select(m => m.GetProperty("status").GetString()).Should().OnlyContain(s => s == "blocked-inbound-dnd");
        open.GetProperty("id").GetString().Should().NotBe(id);
    }
}
