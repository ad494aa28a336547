using Dnd.Host.Tests.Infrastructure;
using Dnd.Host.Tests.Jobs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The Jobs screen in Chromium: the account's jobs newest first, each linking to its page.</summary>
[Collection(ScreenCollection.Name)]
public class JobsScreenTests
{
    [Fact]
    public async Task Staff_find_a_bulk_job_in_the_list_with_its_counts_and_open_its_page()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var ids = await BulkDnd.ContactsAsync(app.Account, 2, "+155516301");
        var jobId = await BulkDnd.EnqueueAsync(app.Account, new { contactIds = ids, channels = new[] { "sms" }, action = "set" });
        await Eventually.MatchAsync(async () => (await BulkDnd.JobAsync(app.Account, jobId)).GetProperty("job").GetProperty("status").GetString(),
            status => status == "completed", "the bulk job to complete");
        var page = await app.SignInAsync("/app/jobs");

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Jobs" }))
            .ToHaveAttributeAsync("href", "/app/jobs");
        var link = page.GetByRole(AriaRole.Link, new() { Name = $"Bulk DND job {jobId}" });
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Jobs" }).GetByRole(AriaRole.Row).Filter(new() { Has = link });
        // The list loads once the circuit is interactive, which a loaded machine takes a while to start.
        await Expect(row).ToContainTextAsync("completed", new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("100 % (2 of 2)");
        await Expect(row).ToContainTextAsync($"api key '{TestAccount.KeyName}'");
        await Screens.SaveAsync(page, "jobs.png");

        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/app/jobs/{jobId}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk DND job" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Status:" })).ToHaveTextAsync("Status: completed");
    }
}
