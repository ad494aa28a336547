using System.Net.Http.Json;
using Dnd.Crm.Subscriptions;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Dnd.Host.Tests.Subscriptions;

/// <summary>
/// Subscriptions are independent: a receiver that hangs until the POST's timeout holds its own lane, while another
/// subscription's deliveries about the same contact keep coming, each as soon as the one before it was answered, in order.
/// </summary>
public sealed class WebhookLaneTests
{
    /// <summary>POSTs to the hung hook never get an answer: they wait for the sender's timeout (or the test's end).</summary>
    private sealed class Hang(string hook, CancellationToken released) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/" + hook, StringComparison.Ordinal))
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, released);
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            return await base.SendAsync(request, ct);
        }
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_hold_another_subscriptions_deliveries_which_arrive_at_once_and_in_order()
    {
        using var release = new CancellationTokenSource();
        await using var receiver = new WebhookReceiver();
        var hungUrl = receiver.NewHook(out var hung);
        var answeringUrl = receiver.NewHook(out var answering);
        await using var app = new DndApp(settings: new Dictionary<string, string>
        {
            ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
            // Only commits wake the dispatcher, so nothing here is a poll's luck.
            ["Dnd:OutboundWebhooks:PollInterval"] = "01:00:00",
        }, services: s => s.AddHttpClient(WebhookSender.Client).AddHttpMessageHandler(() => new Hang(hung, release.Token)));
        var account = await TestAccount.CreateAsync(app);
        foreach (var (url, hook) in new[] { (hungUrl, hung), (answeringUrl, answering) })
        {
            var created = await account.Client.PostAsJsonAsync("/locations/webhook-subscriptions/", new { url, events = new[] { "ContactDndUpdate" } });
            await Http.EnsureAsync(created, 201);
            receiver.Trust(hook, (await Http.JsonAsync(created)).GetProperty("secret").GetString()!);
        }
        var contact = (await account.CreateContactAsync(new { phone = "+15551640001" })).GetProperty("id").GetString()!;

        // Three changes of one contact: the hung subscription's first POST starts with the first and waits out its 10 s timeout.
        foreach (var word in new[] { "STOP", "START", "STOP" })
        {
            await Http.EnsureAsync(await Twilio.InboundAsync(app, account, "+15551640001", word), 200);
        }
        var since = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.MatchAsync(() => Task.FromResult(receiver.For(answering).Count), n => n >= 3, "the answering receiver's three deliveries", timeoutMs: 3_000);

        since.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "its deliveries do not wait for the hung receiver's timeout");
        var got = receiver.For(answering);
        got.Select(r => r.Subject).Should().AllBe(contact);
        got.Select(r => r.DeliveryId).Should().BeInAscendingOrder("a contact's events arrive in the order they happened").And.OnlyHaveUniqueItems();
        // The hung POST ends now rather than at its timeout, so the server's stop does not wait for it.
        await release.CancelAsync();
    }
}
