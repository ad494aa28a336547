using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>The dispatcher running by itself sends a committed change's events at once, woken by the commit, not its hourly poll here.</summary>
public sealed class WebhookWakeTests
{
    [Fact]
    public async Task A_committed_stop_wakes_the_dispatcher()
    {
        await using var receiver = new WebhookReceiver();
        await using var app = new DndApp(settings: new Dictionary<string, string>
        {
            ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
            ["Dnd:OutboundWebhooks:PollInterval"] = "01:00:00",
        });
        var account = await TestAccount.CreateAsync(app);
        var url = receiver.NewHook(out var hook);
        var created = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url, events = new[] { "ContactDndUpdate" } });
        await Http.EnsureAsync(created, 201);
        receiver.Trust(hook, (await Http.JsonAsync(created)).GetProperty("secret").GetString()!);
        await account.CreateContactAsync(new { phone = "+15557770001" });

        await Twilio.InboundAsync(app, account, "+15557770001", "STOP");

        await Eventually.MatchAsync(() => Task.FromResult(receiver.For(hook).Count), n => n == 1, "the ContactDndUpdate to arrive", timeoutMs: 5_000);
        receiver.For(hook).Single().SignatureValid.Should().BeTrue();
    }
}
