using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;

namespace Dnd.Host.Tests.Api;

/// <summary>Where a contact's messages are shown, so is its DND: on, off or partial with each blocked channel and why.</summary>
public class ConversationDndStatusTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    private static async Task<System.Text.Json.JsonElement> DndAsync(TestAccount account, string id) =>
        (await Http.JsonAsync(await account.Client.GetAsync($"/conversations/messages?contactId={id}"))).GetProperty("dnd");

    [Fact]
    public async Task Messages_come_with_the_contacts_dnd_off_partial_or_on_and_a_blocked_send_says_the_channels_reason()
    {
        var account = await TestAccount.CreateAsync(_app);
        var id = (await account.CreateContactAsync(new { phone = "+15550870001", email = "conv@example.com" })).GetProperty("id").GetString()!;

        var off = await DndAsync(account, id);
        off.GetProperty("status").GetString().Should().Be("off");
        off.GetProperty("blockedChannels").GetArrayLength().Should().Be(0);

        await Twilio.InboundAsync(_app, account, "+15550870001", "STOP");
        var partial = await DndAsync(account, id);
        partial.GetProperty("status").GetString().Should().Be("partial");
        var sms = partial.GetProperty("blockedChannels").EnumerateArray().Should().ContainSingle().Subject;
        sms.GetProperty("channel").GetString().Should().Be("SMS");
        sms.GetProperty("status").GetString().Should().Be("permanent");
        sms.GetProperty("code").GetString().Should().Be("keyword_opt_out");
        var refused = await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = id, message = "hi" }), 422);
        refused.GetProperty("detail").GetString().Should().Be($"Cannot send SMS to this contact: {sms.GetProperty("reason").GetString()}");
        await Http.EnsureAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, subject = "s", html = "<p>hi</p>" }), 200);

        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{id}", new { dnd = true }), 200);
        var on = await DndAsync(account, id);
        on.GetProperty("status").GetString().Should().Be("on");
        on.GetProperty("blockedChannels").GetArrayLength().Should().Be(Dnd.Rules.Consent.ChannelNames.All.Count);
        await Http.ProblemAsync(await account.Client.PostAsJsonAsync("/conversations/messages", new { type = "Email", contactId = id, subject = "s", html = "<p>hi</p>" }), 422);
    }
}
