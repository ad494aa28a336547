using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Xunit.Abstractions;

namespace Dnd.Host.Tests.Durability;

/// <summary>
/// The outbox survives kill -9 mid hand-over: the real server, as its own process, is delivering texts to a Twilio that
/// answers slowly and is killed while hand-overs are in flight. After a restart every message is sent, and Twilio got
/// each exactly once: the ones it had are found by the lookup, the ones it never got are sent then.
/// </summary>
public sealed class DeliveryKillNineTests(ITestOutputHelper output)
{
    private const int Messages = 120;

    [Fact]
    public async Task Texts_in_flight_when_the_server_is_killed_reach_twilio_exactly_once_after_the_restart()
    {
        await using var twilio = await RecordingTwilio.StartAsync(TimeSpan.FromMilliseconds(400));
        var logs = Directory.CreateTempSubdirectory("dnd-delivery-kill-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Dnd__Database__Provider"] = "sqlite", ["Dnd__Database__ConnectionString"] = $"Data Source={TempFiles.NewDatabase()}",
            ["Dnd__Providers__Twilio__BaseUrl"] = twilio.BaseUrl, ["Dnd__Providers__Twilio__MessagingBaseUrl"] = twilio.BaseUrl,
            ["Dnd__Messaging__PollInterval"] = "00:00:00.100",
            // A short lease, so the restarted server asks Twilio about the lost hand-overs within the test.
            ["Dnd__Messaging__ClaimLease"] = "00:00:03",
            ["Dnd__Messaging__DeliveryConcurrency"] = "8",
        };
        var server = await HostProcess.StartAsync(settings, logs);
        string apiKey;
        using (var admin = server.Client())
        {
            admin.DefaultRequestHeaders.Add("X-Admin-Key", HostProcess.AdminKey);
            var created = await admin.PostAsJsonAsync("/admin/accounts", new { id = "kill-delivery", name = "Kill delivery" });
            apiKey = (await Http.JsonAsync(created)).GetProperty("apiKey").GetString()!;
        }
        using (var api = server.Client(apiKey))
        {
            for (var i = 0; i < Messages; i++)
            {
                var phone = $"+1555{7000000 + i}";
                var contact = (await Http.JsonAsync(await api.PostAsJsonAsync("/contacts/", new { phone }))).GetProperty("contact").GetProperty("id").GetString()!;
                await Http.EnsureAsync(await api.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId = contact, message = $"Reminder {i}" }), 200);
            }
            // Connecting releases them all to the outbox at once.
            await Http.EnsureAsync(await api.PutAsJsonAsync("/locations/integrations/twilio",
                new { accountSid = "AC" + Guid.NewGuid().ToString("N"), authToken = "token", senderNumbers = new[] { "+15550009999" } }), 200);
        }

        await Eventually.MatchAsync(() => Task.FromResult(twilio.Messages.Count), n => n >= Messages / 4, "a quarter of the texts to reach Twilio", 30_000);
        await server.KillAsync();
        var atKill = twilio.Messages.Count;
        output.WriteLine($"Twilio had {atKill} of {Messages} texts when the server was killed");
        atKill.Should().BeLessThan(Messages, "the kill must land mid-delivery for the test to mean anything");

        await using var restarted = await HostProcess.StartAsync(settings, logs);
        using var client = restarted.Client(apiKey);
        await Eventually.MatchAsync(async () => await SentAsync(client), n => n == Messages, "every text to be recorded as sent", 60_000);

        var bodies = twilio.Messages.Select(m => m.Body.Split('\n')[0]).ToList();
        bodies.Should().OnlyHaveUniqueItems("a hand-over lost in the kill is looked up, never sent twice");
        bodies.Should().HaveCount(Messages);
        await server.DisposeAsync();
    }

    private static async Task<int> SentAsync(HttpClient api)
    {
        var page = await Http.JsonAsync(await api.PostAsJsonAsync("/contacts/search", new { pageLimit = 500 }));
        var sent = 0;
        foreach (var contact in page.GetProperty("contacts").EnumerateArray())
        {
            var messages = await Http.JsonAsync(await api.GetAsync($"/conversations/messages?contactId={contact.GetProperty("id").GetString()}"));
            sent += messages.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "sent");
        }
        return sent;
    }
}
