using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.OperatorApp;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.Preferences;

/// <summary>The preference center in Chromium on a phone, found by role and name as a contact would use it.</summary>
public class PreferenceCenterPageTests : ContactPageTest
{
    [Fact]
    public async Task On_a_phone_the_contact_turns_sms_off_then_stops_everything_and_every_control_is_labelled()
    {
        var id = (await Account.CreateContactAsync(new { phone = "+15550940001", email = "phone@example.com" })).GetProperty("id").GetString()!;
        var page = await PhoneAsync();
        await page.GotoAsync(new Uri(App.RealAddress, PreferenceClient.For(App, Account, id).Path).ToString());

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your message preferences" })).ToBeVisibleAsync();
        var sms = page.GetByRole(AriaRole.Group, new() { Name = "Text messages (SMS)" });
        await Assertions.Expect(sms.GetByText("On", new() { Exact = true })).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("nothing scrolls sideways on a phone");
        (await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('button, input:not([type=hidden]), select, textarea')].filter(e => !(e.innerText || e.labels?.length || e.getAttribute('aria-label'))).map(e => e.outerHTML)"))
            .Should().BeEmpty("every control has an accessible name");
        await Screens.SaveAsync(page, "preference-center.png");

        await sms.GetByRole(AriaRole.Button, new() { Name = "Turn off Text messages (SMS)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Text messages (SMS): turned off.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Text messages (SMS)" }).GetByText("Off", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Turn on Text messages (SMS)" })).ToBeVisibleAsync();
        (await Account.DndStatusAsync(id, "SMS")).Should().Be("permanent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop everything" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Everything is turned off.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Email" }).GetByText("Off", new() { Exact = true })).ToBeVisibleAsync();
        (await Account.DndStatusAsync(id, "Email")).Should().Be("permanent");
        (await Account.DndStatusAsync(id, "GMB")).Should().Be("permanent");
    }
}
