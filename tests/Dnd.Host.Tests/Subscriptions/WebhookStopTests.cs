using System.Net.Http.Json;
using Dnd.Crm.Persistence;
using Dnd.Crm.Subscriptions;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>
/// A stop in the middle of a webhook pass: the POST under way runs to its answer, which is recorded; the deliveries
/// leased behind it, never POSTed, are unleased at once, so another host sends them now rather than a lease later.
/// </summary>
public sealed class WebhookStopTests
{
    /// <summary>Lets the first POST through, telling the server to stop as it goes.</summary>
    private sealed class StopOnFirstPost(CancellationTokenSource stop) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await stop.CancelAsync();
            return await base.SendAsync(request, ct);
        }
    }

    [Fact]
    public async Task Leased_deliveries_never_posted_are_unleased_and_the_one_posted_is_recorded()
    {
        using var stop = new CancellationTokenSource();
        await using var receiver = new WebhookReceiver();
        await using var app = new DndApp(settings: new Dictionary<string, string>
        {
            ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
            ["Dnd:OutboundWebhooks:Background"] = "false",
            ["Dnd:OutboundWebhooks:Concurrency"] = "1",
        }, services: s => s.AddHttpClient(WebhookSender.Client).AddHttpMessageHandler(() => new StopOnFirstPost(stop)));
        var account = await TestAccount.CreateAsync(app);
        var url = receiver.NewHook(out var hook);
        var created = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url, events = new[] { "ContactDndUpdate" } });
        await Http.EnsureAsync(created, 201);
        receiver.Trust(hook, (await Http.JsonAsync(created)).GetProperty("secret").GetString()!);
        // Three contacts: three deliveries due in one pass (one contact's would go one at a time, in order).
        foreach (var phone in new[] { "+15551630001", "+15551630002", "+15551630003" })
        {
            await account.CreateContactAsync(new { phone });
            await Twilio.InboundAsync(app, account, phone, "STOP");
        }

        var pass = () => app.Services.GetRequiredService<WebhookDispatcher>().DispatchPendingAsync(stop.Token);

        await pass.Should().ThrowAsync<OperationCanceledException>();
        await using var scope = app.Services.CreateAsyncScope();
        var deliveries = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().WebhookDeliveries.AsNoTracking()
            .Where(d => d.AccountId == account.Id).OrderBy(d => d.Id).ToListAsync();
        deliveries.Should().HaveCount(3);
        receiver.For(hook).Should().ContainSingle("no POST starts after the stop");
        var posted = deliveries.Single(d => d.Id == receiver.For(hook)[0].DeliveryId);
        (posted.Status, posted.LeaseUntil).Should().Be((WebhookDeliveryStatus.Delivered, null), "the receiver answered 200, and that is recorded");
        deliveries.Where(d => d.Id != posted.Id).Select(d => (d.Status, d.LeaseUntil, d.Attempts)).Should()
            .Equal([(WebhookDeliveryStatus.Pending, null, 0), (WebhookDeliveryStatus.Pending, null, 0)], "leased but never POSTed: free again, no attempt counted");
    }
}
