using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Dnd.Host.Tests.Jobs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// The Webhooks screen in Chromium against a real receiver: subscribe (the secret shown once), see a delivery signed
/// with it, redeliver it, rotate the secret, delete the subscription.
/// </summary>
[Collection(ScreenCollection.Name)]
public class WebhooksScreenTests
{
    [Fact]
    public async Task Staff_subscribe_see_the_secret_once_redeliver_a_delivery_rotate_and_delete()
    {
        await using var receiver = new WebhookReceiver();
        await using var app = await OperatorBrowser.StartAsync(app: new DndApp(kestrel: true, settings: new Dictionary<string, string>
        {
            ["Dnd:OutboundWebhooks:AllowLocalHttp"] = "true",
        }));
        var url = receiver.NewHook(out var hook);
        var page = await app.SignInAsync("/app/webhooks");

        var form = page.GetByRole(AriaRole.Region, new() { Name = "New subscription" });
        await Expect(form.GetByRole(AriaRole.Button, new() { Name = "Create subscription" })).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await form.GetByLabel("Endpoint URL").FillAsync("ftp://example.com/hook");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("url must be an absolute https URL");

        await form.GetByLabel("Endpoint URL").FillAsync(url);
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "ConsentLedgerEntry" }).UncheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();
        var shown = page.GetByRole(AriaRole.Region, new() { Name = "Signing secret" });
        var secret = (await shown.GetByLabel("Secret").InnerTextAsync()).Trim();
        secret.Should().StartWith("whsec_");
        receiver.Trust(hook, secret);
        var card = page.GetByRole(AriaRole.Region, new() { Name = url });
        await Expect(card).ToContainTextAsync("Events: ContactDndUpdate · created by user 'Sam Staff'");

        // Once: gone when dismissed, and never in the list or a reloaded page.
        await shown.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        (await page.ContentAsync()).Should().NotContain(secret);
        await page.ReloadAsync();
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await page.ContentAsync()).Should().NotContain(secret);

        // A DND change reaches the receiver signed with that secret; the card lists it, and Redeliver sends it again.
        var contacts = await BulkDnd.ContactsAsync(app.Account, 1, "+155516401");
        await BulkDnd.EnqueueAsync(app.Account, new { contactIds = contacts, channels = new[] { "sms" }, action = "set" });
        await Eventually.MatchAsync(() => Task.FromResult(receiver.For(hook).Count), n => n == 1, "the delivery");
        receiver.For(hook).Should().OnlyContain(r => r.SignatureValid && r.Event == "ContactDndUpdate");
        await card.GetByRole(AriaRole.Button, new() { Name = "Show deliveries" }).ClickAsync();
        var delivery = card.GetByRole(AriaRole.Table, new() { Name = $"Deliveries to {url}" }).GetByRole(AriaRole.Row).Filter(new() { HasText = contacts[0] });
        await Expect(delivery).ToContainTextAsync("delivered");
        await delivery.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await Expect(delivery.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("2");
        receiver.For(hook).Should().HaveCount(2).And.OnlyContain(r => r.SignatureValid);
        await Screens.SaveAsync(page, "webhooks.png");

        await card.GetByRole(AriaRole.Button, new() { Name = "Rotate secret" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rotate" }).ClickAsync();
        var rotated = (await shown.GetByLabel("Secret").InnerTextAsync()).Trim();
        rotated.Should().StartWith("whsec_").And.NotBe(secret);

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(card).ToHaveCountAsync(0);
        var listed = await Http.JsonAsync(await app.Account.Client.GetAsync("/locations/webhook-subscriptions/"));
        listed.GetProperty("subscriptions").GetArrayLength().Should().Be(0);
    }
}
