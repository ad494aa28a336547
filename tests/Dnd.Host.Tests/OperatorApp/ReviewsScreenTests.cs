using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Reviews;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Staff work the opt-out review queue in Chromium: confirm one, dismiss one with a note, record a revocation by letter.</summary>
[Collection(ScreenCollection.Name)]
public class ReviewsScreenTests
{
    [Fact]
    public async Task Staff_confirm_a_possible_opt_out_dismiss_another_with_a_note_and_record_a_revocation_by_letter()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var ana = await PossibleOptOutAsync(app, "Ana", "Ruiz", "+15550107001");
        var ben = await PossibleOptOutAsync(app, "Ben", "Lee", "+15550107002");
        var carla = (await app.Account.CreateContactAsync(new { phone = "+15550107003", email = "carla@example.com", firstName = "Carla", lastName = "Diaz" }))
            .GetProperty("id").GetString()!;

        var page = await app.SignInAsync("/app/reviews");
        var rows = page.GetByRole(AriaRole.Region, new() { Name = "Possible opt-outs" }).GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        var anaRow = rows.Filter(new() { HasText = "Ana Ruiz" });
        await Expect(anaRow).ToContainTextAsync("Not interested, thanks");
        await Expect(anaRow.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz" })).ToHaveAttributeAsync("href", $"/app/contacts/{ana}");
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Counts" })).ToContainTextAsync("2 open");
        await Screens.SaveAsync(page, "reviews.png");

        await anaRow.GetByRole(AriaRole.Button, new() { Name = "Confirm opt-out" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Note (optional)").FillAsync("Read as a stop");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm opt-out" }).ClickAsync();
        await Expect(page.GetByText("Ana Ruiz's SMS is now permanent DND")).ToBeVisibleAsync();
        await Expect(anaRow).ToHaveCountAsync(0);
        (await app.Account.DndStatusAsync(ana, "SMS")).Should().Be("permanent");
        (await app.Account.LedgerAsync(ana)).EnumerateArray().Should()
            .Contain(l => l.GetProperty("actedBy").GetString()!.Contains("user 'Sam Staff'") && l.GetProperty("channel").GetString() == "SMS");

        var benRow = rows.Filter(new() { HasText = "Ben Lee" });
        await benRow.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("A note is required");
        await dialog.GetByLabel("Why it is not an opt-out").FillAsync("He meant the offer, not our texts");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(benRow).ToHaveCountAsync(0);
        var dismissed = (await ReviewFlow.ReviewsAsync(app.Account, "dismissed")).Single();
        dismissed.GetProperty("contactId").GetString().Should().Be(ben);
        dismissed.GetProperty("note").GetString().Should().Be("He meant the offer, not our texts");
        (await app.Account.DndStatusAsync(ben, "SMS")).Should().Be("inactive");
        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Counts" })).ToContainTextAsync("0 open");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record a revocation" }).ClickAsync();
        await dialog.GetByLabel("Find the contact (phone or e-mail)").FillAsync("+15550107003");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "Carla Diaz" })).ToBeCheckedAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Letter" }).CheckAsync();
        await dialog.GetByLabel("Note").Last.FillAsync("Letter dated last week");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Record revocation" }).ClickAsync();
        await Expect(page.GetByText("Revocation recorded")).ToBeVisibleAsync();
        foreach (var channel in new[] { "SMS", "Email", "Call" })
        {
            (await app.Account.DndStatusAsync(carla, channel)).Should().Be("permanent", $"a revocation for all channels stops {channel}");
        }
        (await ReviewFlow.ReviewsAsync(app.Account, "confirmed")).Should().Contain(r => r.GetProperty("contactId").GetString() == carla &&
                                                                                         r.GetProperty("reason").GetString() == "revocation received by letter");
    }

    /// <summary>The contact gets a text and answers "Not interested, thanks": a possible opt-out waits for staff.</summary>
    private static async Task<string> PossibleOptOutAsync(OperatorBrowser app, string first, string last, string phone)
    {
        var contactId = (await app.Account.CreateContactAsync(new { phone, firstName = first, lastName = last })).GetProperty("id").GetString()!;
        await Http.EnsureAsync(await app.Account.Client.PostAsJsonAsync("/conversations/messages", new { type = "SMS", contactId, message = "Sale" }), 200);
        await Twilio.InboundAsync(app.App, app.Account, phone, "Not interested, thanks");
        return contactId;
    }
}
