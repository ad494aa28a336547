using System.Net.Http.Json;
using System.Text.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Integrations;

/// <summary>
/// Disconnecting stops sending on the provider's channels without losing a message or touching anyone's DND;
/// connecting again resumes. The webhooks verify with the integration's own token.
/// </summary>
public sealed class IntegrationDisconnectTests(ProviderFakes fakes) : IClassFixture<ProviderFakes>
{
    private async Task<(TestAccount Account, object Connect)> ConnectedAsync()
    {
        var account = await TestAccount.CreateAsync(fakes.App);
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        fakes.Twilio.Account(sid, token, numbers: ["+15550001111"]);
        var connect = new { accountSid = sid, authToken = token, senderNumbers = new[] { "+15550001111" } };
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/locations/integrations/twilio", connect), 200);
        return (account, connect);
    }

    private static async Task<JsonElement> MessagesAsync(TestAccount account, string contactId) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={contactId}"))).GetProperty("messages");

    [Fact]
    public async Task A_send_after_disconnect_is_held_and_reconnecting_queues_it_again_with_DND_unchanged()
    {
        var (account, _) = await ConnectedAsync();
        var contact = (await account.CreateContactAsync(new { phone = "+15557770001", email = "held@example.com",
            dndSettings = new { Email = new { status = "active" } } })).GetProperty("id").GetString()!;
        var dnd = (await account.GetContactAsync(contact)).GetProperty("dndSettings").GetRawText();
        var queued = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "before" });
        await Http.EnsureAsync(queued, 200);

        var off = await account.Client.DeleteAsync("/locations/integrations/twilio");
        await Http.EnsureAsync(off, 200);
        (await Http.JsonAsync(off)).GetProperty("integration").GetProperty("status").GetString().Should().Be("disconnected");
        var held = await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = "after" });
        await Http.EnsureAsync(held, 200);
        (await Http.JsonAsync(held)).GetProperty("msg").GetString().Should().Contain("integration disconnected");
        var messages = await MessagesAsync(account, contact);
        messages.EnumerateArray().Select(m => (m.GetProperty("status").GetString(), m.GetProperty("statusReason").GetString()))
            .Should().AllBeEquivalentTo(("held", "held: integration disconnected"), "the queued one was held at the disconnect, the new one when sent");
        (await account.GetContactAsync(contact)).GetProperty("dndSettings").GetRawText().Should().Be(dnd);

        // Reconnecting needs no secret re-entered: the stored token is checked with Twilio again.
        var reconnect = await account.Client.PutAsJsonAsync("/locations/integrations/twilio", new
        {
            accountSid = (await Http.JsonAsync(await account.Client.GetAsync("/locations/integrations/"))).GetProperty("integrations")[0]
                .GetProperty("settings").GetProperty("accountSid").GetString(),
            senderNumbers = new[] { "+15550001111" },
        });
        await Http.EnsureAsync(reconnect, 200);
        (await MessagesAsync(account, contact)).EnumerateArray().Select(m => m.GetProperty("status").GetString()).Should().AllBe("queued");
        (await account.GetContactAsync(contact)).GetProperty("dndSettings").GetRawText().Should().Be(dnd);

        var actions = (await Http.JsonAsync(await account.Client.GetAsync("/locations/integrations/events"))).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("provider").GetString() == "twilio").Select(e => e.GetProperty("action").GetString()).ToList();
        actions.Should().StartWith(["connected", "disconnected", "connected"]);
    }

    [Fact]
    public async Task Email_keeps_queueing_when_no_email_integration_was_ever_connected()
    {
        var (account, _) = await ConnectedAsync();
        await Http.EnsureAsync(await account.Client.DeleteAsync("/locations/integrations/twilio"), 200);
        var contact = (await account.CreateContactAsync(new { email = "never@example.com" })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages",
            new { type = "Email", contactId = contact, message = "hi", subject = "hi" }), 200);
        (await MessagesAsync(account, contact))[0].GetProperty("status").GetString().Should().Be("queued");
    }

    [Fact]
    public async Task Twilio_webhooks_verify_with_the_integrations_token_also_after_a_disconnect()
    {
        var (account, connect) = await ConnectedAsync();
        var token = (string)connect.GetType().GetProperty("authToken")!.GetValue(connect)!;
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["From"] = "+15557770002", ["To"] = "+15550001111", ["Body"] = "hello",
        };
        (await Twilio.PostAsync(fakes.App, account, "sms", form, token: account.TwilioToken)).StatusCode.Should().NotBe(System.Net.HttpStatusCode.OK,
            "the token given when the account was created was replaced by the integration's");
        await Http.EnsureAsync(await Twilio.PostAsync(fakes.App, account, "sms", form, token: token), 200);
        await Http.EnsureAsync(await account.Client.DeleteAsync("/locations/integrations/twilio"), 200);
        form["MessageSid"] = "SM" + Guid.NewGuid().ToString("N");
        form["Body"] = "STOP";
        await Http.EnsureAsync(await Twilio.PostAsync(fakes.App, account, "sms", form, token: token), 200);
    }
}
