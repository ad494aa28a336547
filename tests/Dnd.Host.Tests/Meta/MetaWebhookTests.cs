using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Meta;

/// <summary>
/// Meta's webhook: subscribed only with the account's verify token, taken only with a valid X-Hub-Signature-256, and
/// a contact's WhatsApp, Messenger or Instagram text read with the same STOP/START rules as an SMS, once per message id.
/// </summary>
public sealed class MetaWebhookTests(MetaFixture fixture) : IClassFixture<MetaFixture>
{
    private static async Task<string> ContactAsync(TestAccount account, string phone) =>
        (await account.CreateContactAsync(new { phone })).GetProperty("id").GetString()!;

    [Fact]
    public async Task Subscribing_echoes_the_challenge_only_for_the_accounts_verify_token()
    {
        var c = await fixture.ConnectedAsync();
        var client = fixture.App.CreateClient();

        var ok = await client.GetAsync($"/webhooks/meta/{c.Account.Id}?hub.mode=subscribe&hub.verify_token={c.VerifyToken}&hub.challenge=1158201444");
        await Http.EnsureAsync(ok, 200);
        ok.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await ok.Content.ReadAsStringAsync()).Should().Be("1158201444");

        await Http.ProblemAsync(await client.GetAsync($"/webhooks/meta/{c.Account.Id}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"), 403);
        await Http.ProblemAsync(await client.GetAsync($"/webhooks/meta/{c.Account.Id}?hub.mode=unsubscribe&hub.verify_token={c.VerifyToken}&hub.challenge=1"), 403);
        await Http.ProblemAsync(await client.GetAsync($"/webhooks/meta/acct-none?hub.mode=subscribe&hub.verify_token={c.VerifyToken}&hub.challenge=1"), 404);
    }

    [Fact]
    public async Task A_delivery_without_a_valid_signature_is_refused_and_changes_nothing()
    {
        var c = await fixture.ConnectedAsync();
        var contact = await ContactAsync(c.Account, "+15552400001");
        var stop = MetaWebhook.WhatsApp("15552400001", "STOP");

        await Http.ProblemAsync(await MetaWebhook.PostAsync(fixture.App, c.Account.Id, stop, appSecret: null), 401);
        await Http.ProblemAsync(await MetaWebhook.PostAsync(fixture.App, c.Account.Id, stop, "another-secret"), 403);
        // Signed, then altered on the way: the signature no longer matches the body.
        var signed = Dnd.Host.Webhooks.MetaSignature.Compute(c.AppSecret, System.Text.Encoding.UTF8.GetBytes(MetaWebhook.WhatsApp("15552400001", "hello")));
        await Http.ProblemAsync(await MetaWebhook.PostAsync(fixture.App, c.Account.Id, stop, null, signed), 403);
        await Http.ProblemAsync(await MetaWebhook.PostAsync(fixture.App, c.Account.Id, "{not json", c.AppSecret), 400);

        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().NotBe("permanent");
        (await c.Account.LedgerAsync(contact)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task WhatsApp_STOP_is_permanent_WhatsApp_DND_with_the_ledger_line_an_SMS_STOP_makes_and_START_lifts_it()
    {
        var c = await fixture.ConnectedAsync();
        var (whatsApp, sms) = (await ContactAsync(c.Account, "+15552400002"), await ContactAsync(c.Account, "+15552400003"));

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.WhatsApp("15552400002", "STOP"));
        await Twilio.InboundAsync(fixture.App, c.Account, "+15552400003", "STOP");

        (await c.Account.DndStatusAsync(whatsApp, "WhatsApp")).Should().Be("permanent");
        (await c.Account.DndStatusAsync(whatsApp, "SMS")).Should().NotBe("permanent", "a WhatsApp STOP is about WhatsApp");
        var viaMeta = Applied(await c.Account.LedgerAsync(whatsApp), "WhatsApp");
        var viaTwilio = Applied(await c.Account.LedgerAsync(sms), "SMS");
        Shape(viaMeta).Should().Be(Shape(viaTwilio));
        viaMeta.GetProperty("actedBy").GetString().Should().StartWith("contact's reply, meta whatsapp message wamid.");

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.WhatsApp("15552400002", "START"));
        (await c.Account.DndStatusAsync(whatsApp, "WhatsApp")).Should().Be("inactive");
    }

    [Fact]
    public async Task Messenger_STOP_from_a_new_PSID_makes_a_contact_with_FB_DND_and_the_same_PSID_finds_it_again()
    {
        var c = await fixture.ConnectedAsync();
        var psid = MetaFake.NewId();

        var first = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("page", psid, "hi there"), c.AppSecret);
        await Http.EnsureAsync(first, 200);
        var contact = (await Http.JsonAsync(first)).GetProperty("contactIds")[0].GetString()!;
        var stop = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("page", psid, "STOP"), c.AppSecret);
        await Http.EnsureAsync(stop, 200);

        (await Http.JsonAsync(stop)).GetProperty("contactIds")[0].GetString().Should().Be(contact);
        (await c.Account.DndStatusAsync(contact, "FB")).Should().Be("permanent");
        (await c.Account.DndStatusAsync(contact, "WhatsApp")).Should().NotBe("permanent");
    }

    [Fact]
    public async Task Instagram_STOP_is_FB_DND_and_our_own_echoed_messages_are_not_read_as_the_contacts()
    {
        var c = await fixture.ConnectedAsync();
        var igsid = MetaFake.NewId();
        var hello = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("instagram", igsid, "hello"), c.AppSecret);
        var contact = (await Http.JsonAsync(hello)).GetProperty("contactIds")[0].GetString()!;

        // The page's own "Reply STOP to opt out" comes back as an echo from the page: not the contact saying STOP.
        var echo = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("instagram", igsid, "STOP", echo: true), c.AppSecret);
        (await Http.JsonAsync(echo)).GetProperty("received").GetInt32().Should().Be(0);
        (await c.Account.DndStatusAsync(contact, "FB")).Should().NotBe("permanent");

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.Messaging("instagram", igsid, "stop"));
        (await c.Account.DndStatusAsync(contact, "FB")).Should().Be("permanent");
    }

    [Fact]
    public async Task A_redelivered_message_id_is_applied_once()
    {
        var c = await fixture.ConnectedAsync();
        var contact = await ContactAsync(c.Account, "+15552400004");
        var body = MetaWebhook.WhatsApp("15552400004", "STOP", wamid: "wamid.same-" + Guid.NewGuid().ToString("N"));

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, body);
        var again = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, body, c.AppSecret);

        await Http.EnsureAsync(again, 200);
        var answer = await Http.JsonAsync(again);
        (answer.GetProperty("received").GetInt32(), answer.GetProperty("duplicates").GetInt32()).Should().Be((0, 1));
        (await c.Account.LedgerAsync(contact)).EnumerateArray().Count(e => e.GetProperty("verdict").GetString() == "Applied").Should().Be(1);
        var inbox = await Http.JsonAsync(await c.Account.Client.GetAsync($"/conversations/messages?contactId={contact}"));
        inbox.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("direction").GetString() == "inbound").Should().Be(1);
    }

    private static JsonElement Applied(JsonElement ledger, string channel) =>
        ledger.EnumerateArray().Single(e => e.GetProperty("channel").GetString() == channel && e.GetProperty("verdict").GetString() == "Applied");

    /// <summary>Who, which rule, from what to what, and why, the explanation without its leading channel name.</summary>
    private static (string?, string?, string?, string?, string) Shape(JsonElement e)
    {
        var why = e.GetProperty("explanation").GetString()!;
        return (e.GetProperty("actor").GetString(), e.GetProperty("rule").GetString(), e.GetProperty("before").GetString(), e.GetProperty("after").GetString(),
            why[(why.IndexOf(' ') + 1)..]);
    }
}
