using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The Smart lists screens in Chromium, over contacts an integration made through the API.</summary>
[Collection(ScreenCollection.Name)]
public class SmartListsScreenTests
{
    private static string Name(int n) => $"Person {n:D2}";

    /// <summary>
    /// Person 01 to 12: 01–08 tagged "customer", 01, 02 and 09 "vip"; SMS DND on 02 and 05, every channel on 07. So
    /// "DND off everywhere AND customer" is 01, 03, 04, 06, 08, and with "vip" too, 01 alone.
    /// </summary>
    private static async Task SeedAsync(TestAccount account)
    {
        var ids = new Dictionary<int, string>();
        for (var n = 1; n <= 12; n++)
        {
            var tags = new List<string>();
            if (n <= 8)
            {
                tags.Add("customer");
            }
            if (n is 1 or 2 or 9)
            {
                tags.Add("vip");
            }
            var contact = await account.CreateContactAsync(new
            {
                firstName = "Person", lastName = $"{n:D2}", email = $"person{n:D2}@example.com", phone = $"+1555020{n:D4}", tags,
            });
            ids[n] = contact.GetProperty("id").GetString()!;
        }
        foreach (var n in new[] { 2, 5 })
        {
            await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[n]}",
                new { dndSettings = new { SMS = new { status = "active", message = "asked on the phone" } } }), 200);
        }
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync($"/contacts/{ids[7]}", new { dnd = true }), 200);
    }

    /// <summary>What the API counts for a filter tree: a list made, its members' total read, the list deleted.</summary>
    private static async Task<int> ApiCountAsync(TestAccount account, object filters)
    {
        var created = await account.Client.PostAsJsonAsync("/smart-lists/", new { name = "api count", filters });
        await Http.EnsureAsync(created, 201);
        var id = (await Http.JsonAsync(created)).GetProperty("smartList").GetProperty("id").GetString();
        var total = (await Http.JsonAsync(await account.Client.GetAsync($"/smart-lists/{id}/contacts"))).GetProperty("total").GetInt32();
        await Http.EnsureAsync(await account.Client.DeleteAsync($"/smart-lists/{id}"), 200);
        return total;
    }

    private static ILocator Condition(IPage page, string name) => page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    private static ILocator LiveCount(IPage page) => page.GetByTestId("live-count");

    private static ILocator MemberLinks(IPage page) => page.Locator("table tbody tr").GetByRole(AriaRole.Link);

    [Fact]
    public async Task Staff_build_a_list_watch_its_count_save_open_edit_and_delete_it()
    {
        await using var app = await OperatorBrowser.StartAsync();
        await SeedAsync(app.Account);
        var page = await app.SignInAsync("/app/smart-lists");
        await page.SetViewportSizeAsync(1360, 900);
        await Assertions.Expect(page.GetByText("No smart lists yet.")).ToBeVisibleAsync();

        // A new list with no condition counts every contact; each condition narrows it, counted by the API's code.
        await page.GetByRole(AriaRole.Button, new() { Name = "New smart list" }).ClickAsync();
        await Assertions.Expect(LiveCount(page)).ToHaveTextAsync("12 contacts match");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Reachable customers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await ChooseAsync(page, Condition(page, "Condition 1").GetByLabel("Field"), "DND across channels");
        await Assertions.Expect(Condition(page, "Condition 1").GetByLabel("Status")).ToHaveTextAsync("Off on every channel");
        await Assertions.Expect(LiveCount(page)).ToHaveTextAsync("9 contacts match");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        await Assertions.Expect(Condition(page, "Condition 2")).ToContainTextAsync("value is required");
        await Condition(page, "Condition 2").GetByLabel("Tag").FillAsync("customer");
        var apiCount = await ApiCountAsync(app.Account, new
        {
            match = "all",
            conditions = new object[] { new { field = "dndAggregate", @operator = "eq", value = "off" }, new { field = "tags", @operator = "contains", value = "customer" } },
        });
        apiCount.Should().Be(5);
        await Assertions.Expect(LiveCount(page)).ToHaveTextAsync($"{apiCount} contacts match");

        // Saved, it opens on its members: name links to the record, phone, e-mail, the DND badge.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save smart list" }).ClickAsync();
        await app.WaitForUrlAsync(page, new Regex("/app/smart-lists/[0-9a-f]{16}$").IsMatch, "saving the list");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reachable customers", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("member-count")).ToHaveTextAsync("5 contacts");
        await Assertions.Expect(MemberLinks(page)).ToHaveTextAsync([Name(1), Name(3), Name(4), Name(6), Name(8)]);
        await Assertions.Expect(MemberLinks(page).First).ToHaveAttributeAsync("href", new Regex("^/app/contacts/.+"));
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("person01@example.com");
        await Assertions.Expect(page.Locator("table tbody").GetByRole(AriaRole.Img, new() { Name = "DND Off" })).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("page-range")).ToHaveTextAsync("1–5 of 5");

        // Edited: a third condition, the count follows before saving, the members after.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Assertions.Expect(LiveCount(page)).ToHaveTextAsync("5 contacts match");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add condition" }).ClickAsync();
        // Typed at once, while the new condition's first count may still be running: its answer must not undo the typing.
        await Condition(page, "Condition 3").GetByLabel("Tag").FillAsync("vip");
        await Assertions.Expect(LiveCount(page)).ToHaveTextAsync("1 contact matches");
        await page.Mouse.MoveAsync(0, 0);
        await Screens.SaveAsync(page, "smart-lists.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save smart list" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("member-count")).ToHaveTextAsync("1 contact");
        await Assertions.Expect(MemberLinks(page)).ToHaveTextAsync([Name(1)]);

        // The list screen counts it as the API does; deleting asks first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to smart lists" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reachable customers", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("list-count")).ToHaveTextAsync("1");
        var lists = await Http.JsonAsync(await app.Account.Client.GetAsync("/smart-lists/?withCounts=true"));
        lists.GetProperty("smartLists")[0].GetProperty("count").GetInt32().Should().Be(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Reachable customers" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No smart lists yet.")).ToBeVisibleAsync();
        (await Http.JsonAsync(await app.Account.Client.GetAsync("/smart-lists/"))).GetProperty("smartLists").GetArrayLength().Should().Be(0);
    }
}
