using System.Net.Http.Json;
using Dnd.Activities.Persistence;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>
/// A server's start loads the outbound webhooks' subscriptions before it lets requests in: after a restart, the very
/// first consent change stages its events for the subscriptions made before the stop.
/// </summary>
public sealed class WebhookRestartTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
        ["Dnd:OutboundWebhooks:Background"] = "false",
    };

    [Fact]
    public async Task The_first_request_after_a_restart_stages_its_events_for_the_subscriptions_made_before()
    {
        var path = TempFiles.NewDatabase();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        TestAccount account;
        string subscription;
        await using (var before = new DndApp(path, settings: Settings))
        {
            account = await TestAccount.CreateAsync(before);
            await account.CreateContactAsync(new { phone });
            var created = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/",
                new { url = "http://127.0.0.1:9/hook", events = new[] { "ContactDndUpdate" } });
            await Http.EnsureAsync(created, 201);
            subscription = (await Http.JsonAsync(created)).GetProperty("subscription").GetProperty("id").GetString()!;
        }

        await using var after = new DndApp(path, settings: Settings);
        // Signed with the account's Twilio token, which the first server protected: the key ring was read back too.
        await Http.EnsureAsync(await Twilio.InboundAsync(after, account.On(after), phone, "STOP"), 200);

        await using var scope = after.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DndDbContext>();
        (await db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == subscription)).Should().Be(1, "the STOP's ContactDndUpdate is staged for it");
    }
}
