using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Jobs;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Bulk DND from the Contacts screen in Chromium: select, choose, watch the job finish.</summary>
[Collection(ScreenCollection.Name)]
public class BulkDndScreenTests
{
    [Fact]
    public async Task Staff_set_sms_dnd_on_two_selected_contacts_and_watch_the_job_complete()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var ids = await BulkDnd.ContactsAsync(app.Account, 3, "+155516109");
        var page = await app.SignInAsync("/app/contacts");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Bulk0", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Bulk1", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bulk DND" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Bulk DND" });
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "SMS", Exact = true }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk DND job" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Status:" })).ToHaveTextAsync("Status: completed");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Job progress" })).ToContainTextAsync("2 done · 0 refused");
        // Back on the list, the two show their SMS DND and the third none.
        await page.GotoAsync("/app/contacts");
        foreach (var (name, badge) in new[] { ("Bulk0", "DND Partial"), ("Bulk1", "DND Partial"), ("Bulk2", "DND Off") })
        {
            var row = page.Locator("table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
            await Assertions.Expect(row.GetByRole(AriaRole.Img, new() { Name = badge })).ToBeVisibleAsync();
        }
        (await app.Account.DndStatusAsync(ids[0], "SMS")).Should().Be("active");
        (await app.Account.DndStatusAsync(ids[1], "SMS")).Should().Be("active");
        (await app.Account.DndStatusAsync(ids[2], "SMS")).Should().Be("inactive");
        (await app.Account.LedgerAsync(ids[0])).EnumerateArray().Last().GetProperty("actedBy").GetString().Should().StartWith("user '").And.Contain("via bulk job");
    }
}
