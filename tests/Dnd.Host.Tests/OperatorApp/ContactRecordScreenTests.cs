using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contact record in Chromium: DND per channel as the rules decide it, live as webhooks change it.</summary>
[Collection(ScreenCollection.Name)]
public class ContactRecordScreenTests
{
    [Fact]
    public async Task Staff_set_dnd_watch_a_stop_arrive_lift_it_only_with_proof_and_see_a_spam_lock_locked()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var email = $"ada-{app.Account.Id}@example.com";
        var id = (await app.Account.CreateContactAsync(new { firstName = "Ada", lastName = "Lovelace", phone, email })).GetProperty("id").GetString()!;

        var page = await app.SignInAsync($"/app/contacts/{id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(phone)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(Badge(page, "Off")).ToBeVisibleAsync();
        var dnd = page.GetByRole(AriaRole.Region, new() { Name = "Do Not Disturb" });
        foreach (var label in new[] { "All channels", "Calls", "Emails", "SMS", "WhatsApp", "Facebook", "GMB", "Inbound calls and SMS" })
        {
            await Assertions.Expect(Box(dnd, label)).Not.ToBeCheckedAsync();
        }

        // Ticking SMS sets DND as this user: the badge says Partial and the ledger has the line.
        await Box(dnd, "SMS").ClickAsync();
        await Assertions.Expect(Badge(page, "Partial")).ToBeVisibleAsync();
        await Assertions.Expect(Box(dnd, "SMS")).ToBeCheckedAsync();
        await Assertions.Expect(Row(dnd, "SMS")).ToContainTextAsync("Set by a user · temporary");
        await Assertions.Expect(page.GetByText("SMS: applied.")).ToBeVisibleAsync();
        await Assertions.Expect(NewestLine(page)).ToContainTextAsync("user.dnd enable SMS by Sam Staff");

        // A STOP through Twilio's webhook while the page is open: the row, badge and ledger follow without a reload.
        await Twilio.InboundAsync(app.App, app.Account, phone, "STOP");
        await Assertions.Expect(Row(dnd, "SMS")).ToContainTextAsync("Replied STOP · permanent", new() { Timeout = 10_000 });
        await Assertions.Expect(NewestLine(page)).ToContainTextAsync("InboundOptOutKeyword");
        await Assertions.Expect(Badge(page, "Partial")).ToBeVisibleAsync();

        // Unticking the contact's own opt-out asks for proof of consent; without evidence it is refused.
        await Box(dnd, "SMS").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Proof of consent" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Written" }).ClickAsync();
        var given = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd");
        await dialog.GetByLabel("Date given").FillAsync(given);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lift DND with this proof" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("the proof of consent is incomplete");
        await Assertions.Expect(dialog).ToContainTextAsync("Give the evidence");
        (await app.Account.DndStatusAsync(id, "SMS")).Should().Be("permanent", "a refused lift changes nothing");

        await dialog.GetByLabel("Evidence").FillAsync("Signed paper form #1182, scanned to DMS-77");
        await Screenshot(page, "proof-of-consent.png", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lift DND with this proof" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(Box(dnd, "SMS")).Not.ToBeCheckedAsync();
        await Assertions.Expect(Badge(page, "Off")).ToBeVisibleAsync();
        var lifted = NewestLine(page);
        await Assertions.Expect(lifted).ToContainTextAsync("UserLiftsPermanentWithProof");
        await Assertions.Expect(lifted).ToContainTextAsync("Proof of consent: Written");
        await Assertions.Expect(lifted).ToContainTextAsync("Signed paper form #1182, scanned to DMS-77");
        await Assertions.Expect(lifted).ToContainTextAsync("recorded by Sam Staff");
        var line = (await app.Account.LedgerAsync(id)).EnumerateArray().Last();
        line.GetProperty("proof").GetProperty("recordedBy").GetString().Should().Be("Sam Staff");
        line.GetProperty("actedBy").GetString().Should().StartWith("user 'Sam Staff'");
        (await app.Account.DndStatusAsync(id, "SMS")).Should().Be("inactive");

        // A spam complaint through Mailgun's webhook: Emails is locked, with the lock and the reason, and cannot be unticked.
        await Http.EnsureAsync(await Mailgun.PostAsync(app.App, app.Account, email, "complained"), 200);
        await Assertions.Expect(Row(dnd, "Emails")).ToContainTextAsync("Marked as spam · locked", new() { Timeout = 10_000 });
        await Assertions.Expect(Box(dnd, "Emails")).ToBeCheckedAsync();
        await Assertions.Expect(Box(dnd, "Emails")).ToBeDisabledAsync();
        await Assertions.Expect(Row(dnd, "Emails").Locator("svg title")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Locked"));
        await Assertions.Expect(Badge(page, "Partial")).ToBeVisibleAsync();
        await Screenshot(page, "contact-record.png");
    }

    [Fact]
    public async Task All_channels_and_inbound_dnd_go_through_the_rules_too()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var id = (await app.Account.CreateContactAsync(new { firstName = "Grace", phone })).GetProperty("id").GetString()!;
        var page = await app.SignInAsync($"/app/contacts/{id}");
        var dnd = page.GetByRole(AriaRole.Region, new() { Name = "Do Not Disturb" });
        await Assertions.Expect(Badge(page, "Off")).ToBeVisibleAsync();

        await Box(dnd, "Inbound calls and SMS").ClickAsync();
        await Assertions.Expect(Box(dnd, "Inbound calls and SMS")).ToBeCheckedAsync();
        await Assertions.Expect(NewestLine(page)).ToContainTextAsync("user.inbound-dnd");
        await Assertions.Expect(Badge(page, "Off")).ToBeVisibleAsync();
        (await app.Account.GetContactAsync(id)).GetProperty("inboundDndSettings").GetProperty("all").GetProperty("status").GetString().Should().Be("active");

        await Box(dnd, "All channels").ClickAsync();
        await Assertions.Expect(Badge(page, "On")).ToBeVisibleAsync();
        foreach (var label in new[] { "All channels", "Calls", "Emails", "SMS", "WhatsApp", "Facebook", "GMB" })
        {
            await Assertions.Expect(Box(dnd, label)).ToBeCheckedAsync();
        }

        // With SMS now the contact's own opt-out, lifting every channel wants proof for SMS: the rules refuse it all.
        await Twilio.InboundAsync(app.App, app.Account, phone, "STOP");
        await Assertions.Expect(Row(dnd, "SMS")).ToContainTextAsync("Replied STOP · permanent", new() { Timeout = 10_000 });
        await Box(dnd, "All channels").ClickAsync();
        await Assertions.Expect(page.GetByText("All channels: refused.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("All channels: refused.")).ToContainTextAsync("SMS DND is permanent");
        await Assertions.Expect(Box(dnd, "All channels")).ToBeCheckedAsync();
        await Assertions.Expect(Badge(page, "On")).ToBeVisibleAsync();

        // A temporary one goes by itself.
        await Box(dnd, "Calls").ClickAsync();
        await Assertions.Expect(Box(dnd, "Calls")).Not.ToBeCheckedAsync();
        await Assertions.Expect(Badge(page, "Partial")).ToBeVisibleAsync();
        await Assertions.Expect(Box(dnd, "All channels")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task An_unknown_contact_is_a_friendly_not_found()
    {
        await using var app = await OperatorBrowser.StartAsync();

        var page = await app.SignInAsync("/app/contacts/no-such-contact");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to contacts" })).ToBeVisibleAsync();
    }

    private static ILocator Badge(IPage page, string state) => page.GetByRole(AriaRole.Status, new() { Name = $"DND {state}", Exact = true });

    private static ILocator Box(ILocator dnd, string label) => dnd.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true });

    private static ILocator Row(ILocator dnd, string label) =>
        dnd.GetByRole(AriaRole.Listitem).Filter(new() { Has = dnd.Page.GetByRole(AriaRole.Checkbox, new() { Name = label, Exact = true }) });

    private static ILocator NewestLine(IPage page) =>
        page.GetByRole(AriaRole.List, new() { Name = "Consent ledger" }).GetByRole(AriaRole.Listitem).First;

    /// <summary>A picture for the docs, without the snackbars of earlier steps over it.</summary>
    private static async Task Screenshot(IPage page, string name, bool fullPage = true)
    {
        var snackbars = page.Locator(".mud-snackbar");
        for (var open = await snackbars.CountAsync(); open > 0; open = await snackbars.CountAsync())
        {
            await snackbars.First.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
            await Assertions.Expect(snackbars).ToHaveCountAsync(open - 1);
        }
        await Screens.SaveAsync(page, name, fullPage);
    }
}
