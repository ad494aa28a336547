using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The contacts screen in Chromium, over contacts an integration made through the API.</summary>
[Collection(ScreenCollection.Name)]
public class ContactsScreenTests
{
    private const int Seeded = 30;

    private static string Name(int n) => $"Person {n:D2}";

    /// <summary>
    /// Person 01 to 30, in that order of dateAdded: the even ones tagged "even", every fifth "fifth"; SMS DND on 3, 7
    /// and 11, every channel on 30.
    /// </summary>
    private static async Task<Dictionary<int, string>> SeedAsync(TestAccount account)
    {
        var ids = new Dictionary<int, string>();
        for (var n = 1; n <= Seeded; n++)
        {
            var tags = new List<string>();
            if (n % 2 == 0)
            {
                tags.Add("even");
            }
            if (n % 5 == 0)
            {
                tags.Add("fifth");
            }
            var contact = await account.CreateContactAsync(new
            {
                firstName = "Person", lastName = $"{n:D2}", email = $"person{n:D2}@example.com", phone = $"+1555010{n:D4}", tags,
            });
            ids[n] = contact.GetProperty("id").GetString()!;
        }
        foreach (var n in new[] { 3, 7, 11 })
        {
            await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[n]}",
                new { dndSettings = new { SMS = new { status = "active", message = "asked on the phone" } } }), 200);
        }
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[30]}", new { dnd = true }), 200);
        return ids;
    }

    private static ILocator Rows(IPage page) => page.Locator("table tbody tr");

    private static ILocator Row(IPage page, int n) => Rows(page).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Name(n), Exact = true }) });

    private static ILocator Range(IPage page) => page.GetByTestId("page-range");

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByLabel(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task Staff_search_filter_page_and_tag_contacts_and_see_their_dnd()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var ids = await SeedAsync(app.Account);
        var page = await app.SignInAsync("/app/contacts");
        await page.SetViewportSizeAsync(1360, 900);

        // The first page: 25 of 30 in dateAdded order, each name a link to its record, Previous disabled.
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–25 of 30");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(25);
        await Assertions.Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(Name(1));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = Name(4), Exact = true })).ToHaveAttributeAsync("href", $"/app/contacts/{ids[4]}");
        await Assertions.Expect(Row(page, 4)).ToContainTextAsync("person04@example.com");
        await Assertions.Expect(Row(page, 4)).ToContainTextAsync("+15550100004");
        await Assertions.Expect(Row(page, 10)).ToContainTextAsync("even");
        await Assertions.Expect(Row(page, 10)).ToContainTextAsync("fifth");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();

        // DND: SMS alone is Partial, nothing is Off.
        await Assertions.Expect(Row(page, 3).GetByRole(AriaRole.Img, new() { Name = "DND Partial" })).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, 3).GetByRole(AriaRole.Img, new() { Name = "DND Partial" })).ToHaveAttributeAsync("title", "DND on SMS");
        await Assertions.Expect(Row(page, 4).GetByRole(AriaRole.Img, new() { Name = "DND Off" })).ToBeVisibleAsync();

        // Forward to the last five (Person 30 has DND everywhere), and back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(Range(page)).ToHaveTextAsync("26–30 of 30");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(5);
        await Assertions.Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(Name(26));
        await Assertions.Expect(Row(page, 30).GetByRole(AriaRole.Img, new() { Name = "DND On" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–25 of 30");
        await Assertions.Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(Name(1));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();

        // Search over name, e-mail and phone, as the API's. Free text is not counted (the count would read every contact),
        // and paging still knows where the end is.
        await page.GetByLabel("Search contacts").FillAsync("PERSON12@");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–1");
        await Assertions.Expect(Rows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync(Name(12));
        await page.GetByLabel("Search contacts").FillAsync("0100007");
        await Assertions.Expect(Rows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync([Name(7)]);
        await page.GetByLabel("Search contacts").FillAsync("person");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(Range(page)).ToHaveTextAsync("26–30");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await page.GetByLabel("Search contacts").FillAsync("nobody-by-this-name");
        await Assertions.Expect(page.GetByText("No contacts match this search.")).ToBeVisibleAsync();
        await page.GetByLabel("Search contacts").FillAsync("");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–25 of 30");

        // A bigger page holds them all.
        await ChooseAsync(page, "Rows per page", "50");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–30 of 30");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();

        // Filter by tag, then by SMS DND.
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("fifth");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–6");
        await Assertions.Expect(Rows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync([Name(5), Name(10), Name(15), Name(20), Name(25), Name(30)]);
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("");
        await ChooseAsync(page, "DND on channel", "SMS");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–4 of 4");
        await Assertions.Expect(Rows(page).GetByRole(AriaRole.Link)).ToHaveTextAsync([Name(3), Name(7), Name(11), Name(30)]);
        await Assertions.Expect(Rows(page).GetByRole(AriaRole.Img, new() { Name = "DND Partial" })).ToHaveCountAsync(3);
        await ChooseAsync(page, "DND status", "Not blocked");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–26 of 26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear filters" }).First.ClickAsync();
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–30 of 30");

        // Tag two selected contacts: a snackbar says so, the table and the API show it.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Name(1)}", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {Name(2)}", Exact = true }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("selection")).ToHaveTextAsync("2 selected");
        await page.GetByLabel("Tag for selected").FillAsync("vip");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add tag" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Added tag “vip” to 2 contacts.")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, 1)).ToContainTextAsync("vip");
        await Assertions.Expect(Row(page, 2)).ToContainTextAsync("vip");
        await Assertions.Expect(Row(page, 3)).Not.ToContainTextAsync("vip");
        await Screens.SaveAsync(page, "contacts.png");
        (await app.Account.GetContactAsync(ids[1])).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("vip");
        (await app.Account.GetContactAsync(ids[2])).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("even", "vip");
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("vip");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–2");
        await page.GetByLabel("Tag", new() { Exact = true }).FillAsync("");
        await Assertions.Expect(Range(page)).ToHaveTextAsync("1–30 of 30");

        // And take it off again, selecting the page and keeping the two.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select all on this page" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("selection")).ToHaveTextAsync("30 selected");
        await page.GetByLabel("Tag for selected").FillAsync("vip");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove tag" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Removed tag “vip” from 30 contacts.")).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page).Filter(new() { HasText = "vip" })).ToHaveCountAsync(0);
        (await app.Account.GetContactAsync(ids[2])).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("even");
    }

    [Fact]
    public async Task An_empty_account_says_so_and_a_search_the_api_refuses_shows_why()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var page = await app.SignInAsync("/app/contacts");

        await Assertions.Expect(page.GetByText("No contacts yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();

        await page.GetByLabel("Search contacts").FillAsync(new string('x', 1100));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("query must be at most 1024 characters");
        await page.GetByLabel("Search contacts").FillAsync("");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No contacts yet.")).ToBeVisibleAsync();
    }
}
