using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Infrastructure.Providers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Staff connect Twilio against the fake in Chromium, see it connected, then disconnect it after confirming.</summary>
[Collection(ScreenCollection.Name)]
public class IntegrationsScreenTests
{
    [Fact]
    public async Task Staff_connect_Twilio_see_it_connected_and_disconnect_it()
    {
        using var twilio = new TwilioFake();
        await using var app = await OperatorBrowser.StartAsync(app: new DndApp(kestrel: true, settings: twilio.Settings.ToDictionary()));
        var (sid, token) = (TwilioFake.NewAccountSid(), "tok-" + Guid.NewGuid().ToString("N"));
        twilio.Account(sid, token, numbers: ["+15550001111"]);

        var page = await app.SignInAsync("/app/integrations");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Integrations" }))
            .ToHaveAttributeAsync("href", "/app/integrations");
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Twilio" });
        // The forms appear once the circuit is interactive, which a loaded machine takes a while to start.
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not connected", new() { Timeout = 15_000 });
        await card.GetByLabel("Account SID").FillAsync(sid);
        await card.GetByLabel("Auth token").FillAsync("wrong");
        await card.GetByLabel("Sender numbers").FillAsync("+15550001111");
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect Twilio" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("Authenticate");

        await card.GetByLabel("Auth token").FillAsync(token);
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect Twilio" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        await Expect(card.GetByLabel("Auth token")).ToHaveValueAsync("");
        await Screens.SaveAsync(page, "integrations.png");
        (await page.ContentAsync()).Should().NotContain(token);

        await card.GetByRole(AriaRole.Button, new() { Name = "Disconnect Twilio" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Status)).ToHaveTextAsync("Disconnected");
        var events = (await Http.JsonAsync(await app.Account.Client.GetAsync("/locations/integrations/events"))).GetProperty("events");
        events[0].GetProperty("action").GetString().Should().Be("disconnected");
        events[0].GetProperty("actedBy").GetString().Should().Contain("user 'Sam Staff'");
    }
}
