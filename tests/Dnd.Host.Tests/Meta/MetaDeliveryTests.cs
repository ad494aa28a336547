using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Meta;

/// <summary>
/// WhatsApp and FB messages leave through the account's Meta integration (a WireMock Graph API), judged for consent as
/// they leave: a STOP through Meta's own webhook means the next send there is refused and never reaches Meta.
/// </summary>
public sealed class MetaDeliveryTests(MetaFixture fixture) : IClassFixture<MetaFixture>
{
    private static async Task<HttpResponseMessage> SendAsync(TestAccount account, string type, string contactId, string text) =>
        await account.Client.PostAsJsonAsync("/conversations/messages", new { type, contactId, message = text });

    private static async Task<JsonElement> MessageAsync(TestAccount account, string contactId, string messageId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}")))
        .GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId);

    private IEnumerable<JsonElement> Sent(string text) => fixture.Meta.Sent.Select(s => s.Body).Where(b => b.ToString().Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task A_WhatsApp_send_reaches_the_Cloud_API_as_a_text_to_the_number_and_keeps_its_wamid()
    {
        var c = await fixture.ConnectedAsync();
        var contact = (await c.Account.CreateContactAsync(new { phone = "+15552500001" })).GetProperty("id").GetString()!;
        var queued = await SendAsync(c.Account, "WhatsApp", contact, "Your table is ready");
        await Http.EnsureAsync(queued, 200);
        var id = (await Http.JsonAsync(queued)).GetProperty("messageId").GetString()!;

        await fixture.OutboxPassAsync();

        var (path, body) = fixture.Meta.Sent.Single(s => s.Body.ToString().Contains("Your table is ready", StringComparison.Ordinal));
        path.Should().Be($"/{MetaFake.Version}/{c.PhoneNumberId}/messages");
        (body.GetProperty("messaging_product").GetString(), body.GetProperty("to").GetString(), body.GetProperty("type").GetString())
            .Should().Be(("whatsapp", "15552500001", "text"));
        body.GetProperty("text").GetProperty("body").GetString().Should().StartWith("Your table is ready");
        var sent = await MessageAsync(c.Account, contact, id);
        sent.GetProperty("status").GetString().Should().Be("sent", sent.ToString());
        sent.GetProperty("providerMessageId").GetString().Should().StartWith("wamid.");
    }

    [Fact]
    public async Task A_Messenger_send_goes_to_the_contacts_PSID_through_the_page()
    {
        var c = await fixture.ConnectedAsync();
        var psid = MetaFake.NewId();
        var hello = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("page", psid, "Do you open on Sundays?"), c.AppSecret);
        var contact = (await Http.JsonAsync(hello)).GetProperty("contactIds")[0].GetString()!;

        await Http.EnsureAsync(await SendAsync(c.Account, "FB", contact, "Yes, from 10am"), 200);
        await fixture.OutboxPassAsync();

        var (path, body) = fixture.Meta.Sent.Single(s => s.Body.ToString().Contains("Yes, from 10am", StringComparison.Ordinal));
        path.Should().Be($"/{MetaFake.Version}/me/messages");
        body.GetProperty("recipient").GetProperty("id").GetString().Should().Be(psid);
        body.GetProperty("messaging_type").GetString().Should().Be("RESPONSE");
        body.GetProperty("message").GetProperty("text").GetString().Should().StartWith("Yes, from 10am");
    }

    [Fact]
    public async Task After_a_WhatsApp_STOP_through_Meta_a_queued_message_is_cancelled_and_the_next_send_is_refused_never_reaching_Meta()
    {
        var c = await fixture.ConnectedAsync();
        var contact = (await c.Account.CreateContactAsync(new { phone = "+15552500002" })).GetProperty("id").GetString()!;
        var queued = (await Http.JsonAsync(await SendAsync(c.Account, "WhatsApp", contact, "Flash sale 1"))).GetProperty("messageId").GetString()!;

        await MetaWebhook.ReceiveAsync(fixture.App, c.Account.Id, c.AppSecret, MetaWebhook.WhatsApp("15552500002", "STOP"));
        await Http.ProblemAsync(await SendAsync(c.Account, "WhatsApp", contact, "Flash sale 2"), 422);
        await fixture.OutboxPassAsync();

        Sent("Flash sale").Should().BeEmpty();
        (await MessageAsync(c.Account, contact, queued)).GetProperty("status").GetString().Should().Be("cancelled");
        // The one confirmation an opt-out allows is all that went to the number.
        fixture.Meta.Sent.Where(s => s.Body.TryGetProperty("to", out var to) && to.GetString() == "15552500002").Should().HaveCount(1);
    }

    [Fact]
    public async Task After_a_Messenger_STOP_an_FB_send_is_refused_and_never_reaches_Meta()
    {
        var c = await fixture.ConnectedAsync();
        var psid = MetaFake.NewId();
        var stop = await MetaWebhook.PostAsync(fixture.App, c.Account.Id, MetaWebhook.Messaging("page", psid, "STOP"), c.AppSecret);
        var contact = (await Http.JsonAsync(stop)).GetProperty("contactIds")[0].GetString()!;

        await Http.ProblemAsync(await SendAsync(c.Account, "FB", contact, "Come back for 20% off"), 422);
        await fixture.OutboxPassAsync();

        fixture.Meta.Sent.Should().NotContain(s => s.Body.ToString().Contains(psid, StringComparison.Ordinal));
    }
}
