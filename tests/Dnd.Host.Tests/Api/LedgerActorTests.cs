using System.Text.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Api;

/// <summary>Every ledger line names exactly who or what acted: the API key, the workflow step, the provider's event.</summary>
public class LedgerActorTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly DndApp _app = shared.App;

    [Fact]
    public async Task Each_line_names_the_key_the_reply_the_status_callback_the_mailgun_event_and_the_workflow_step()
    {
        var account = await TestAccount.CreateAsync(_app);
        var flow = "actor-" + account.Id;
        await PublishAsync(account, Definition(flow, [Activity("call-on", "SetDnd", new { channel = "Call", enabled = true })], []));
        var id = (await account.CreateContactAsync(new { phone = "+15550860001", email = "actor@example.com" })).GetProperty("id").GetString()!;

        await Http.EnsureAsync(await account.Client.PutAsync($"/contacts/{id}",
            new StringContent("""{ "dndSettings": { "WhatsApp": { "status": "active" } } }""", System.Text.Encoding.UTF8, "application/json")), 200);
        await Twilio.InboundAsync(_app, account, "+15550860001", "STOP", sid: "SMactor1");
        await Twilio.StatusAsync(_app, account, "+15550860001", "undelivered", "30003", sid: "SMactor2");
        await Mailgun.PostAsync(_app, account, "actor@example.com", "failed", "permanent", "bounce", eventId: "mg-actor-1");
        var instance = await UntilStatusAsync(account, await StartAsync(account, id, flow), "Finished");

        var actedBy = (await account.LedgerAsync(id)).EnumerateArray()
            .Where(e => e.GetProperty("channel").ValueKind == JsonValueKind.String)
            .Select(e => (Channel: e.GetProperty("channel").GetString(), By: e.GetProperty("actedBy").GetString())).ToList();
        actedBy.Should().Contain(a => a.Channel == "WhatsApp" && Regex.IsMatch(a.By!, $@"^api key '{TestAccount.KeyName}' \(key_[0-9A-Fa-f]{{8}}\)$"));
        actedBy.Should().Contain(a => a.Channel == "SMS" && a.By == "contact's reply, twilio message SMactor1");
        actedBy.Should().Contain(a => a.Channel == "Email" && a.By == "mailgun event mg-actor-1");
        actedBy.Should().Contain(a => a.Channel == "Call" && a.By == $"workflow {flow} v1 step call-on (instance {instance.GetProperty("instance").GetProperty("id").GetString()})");
        (await account.LedgerAsync(id)).EnumerateArray().Should().Contain(e => e.GetProperty("actedBy").GetString() == "twilio status undelivered of message SMactor2");
    }
}
