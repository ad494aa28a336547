using System.Text;
using Dnd.Host.Tests.Imports;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The Imports screen in Chromium: a dry run's counts and row problems, an apply refused then allowed with skip, and the exports.</summary>
[Collection(ScreenCollection.Name)]
public class ImportsScreenTests
{
    [Fact]
    public async Task Staff_upload_a_csv_see_its_bad_row_apply_the_rest_with_skip_and_download_the_export()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var page = await app.SignInAsync("/app/imports");
        const string csv = "First Name,Email,Phone,DND SMS\nAnn,ann.163@example.com,+15550163001,on\nBob,not-an-email,,\nCy,cy.163@example.com,,\n";

        var file = page.GetByLabel("CSV file");
        // The input is enabled once the circuit is interactive, which a loaded machine takes a while to start.
        await Expect(file).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await file.SetInputFilesAsync(new FilePayload { Name = "contacts.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var dryRun = page.GetByRole(AriaRole.Region, new() { Name = "Dry run" });
        await Expect(dryRun).ToContainTextAsync("3 rows · 2 valid · 1 with errors · 2 new");
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Row problems" });
        await Expect(problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "not-an-email" })).ToContainTextAsync("Email");

        // The API's refusal, in its words: errors without skip apply nothing.
        await dryRun.GetByRole(AriaRole.Button, new() { Name = "Apply import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 rows with errors");
        (await ImportFiles.ContactCountAsync(app.App, app.Account)).Should().Be(0);
        await Screens.SaveAsync(page, "imports.png");

        await dryRun.GetByRole(AriaRole.Checkbox, new() { Name = "Skip rows with errors" }).CheckAsync();
        await dryRun.GetByRole(AriaRole.Button, new() { Name = "Apply import" }).ClickAsync();
        await dryRun.GetByRole(AriaRole.Link, new() { Name = "Open the apply job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contact import job" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Status:" })).ToHaveTextAsync("Status: completed", new() { Timeout = 10_000 });
        (await ImportFiles.ContactCountAsync(app.App, app.Account)).Should().Be(2);

        // The export link works with the sign-in cookie alone (no API key) and has the imported contacts.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Imports" }).ClickAsync();
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Export contacts CSV" }).GetAttributeAsync("href");
        var export = await page.APIRequest.GetAsync(href!);
        export.Status.Should().Be(200);
        (await export.TextAsync()).Should().Contain("ann.163@example.com").And.Contain("cy.163@example.com").And.NotContain("not-an-email");
        var ledger = await page.APIRequest.GetAsync((await page.GetByRole(AriaRole.Link, new() { Name = "Export ledger CSV (last 30 days)" }).GetAttributeAsync("href"))!);
        (await ledger.TextAsync()).Should().Contain("user 'Sam Staff'", "the ledger names the person who applied the import");
    }
}
