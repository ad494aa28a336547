using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// The operator app in real Chromium: a server on Kestrel, an account with an API key (to arrange data as an
/// integration would) and a person who signs in through the sign-in page, as staff do.
/// </summary>
public sealed class OperatorBrowser : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private OperatorBrowser(DndApp app, IPlaywright playwright, IBrowser browser, TestAccount account, string email)
        => (App, Playwright, Browser, Account, Email) = (app, playwright, browser, account, email);

    public DndApp App { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public TestAccount Account { get; }
    public string Email { get; }

    /// <param name="role">account_admin, account_user or agency_admin.</param>
    public static async Task<OperatorBrowser> StartAsync(string role = "account_admin", DndApp? app = null)
    {
        app ??= new DndApp(kestrel: true, workflowsFolder: RepoPaths.Workflows);
        var account = await TestAccount.CreateAsync(app, new HttpClient { BaseAddress = app.RealAddress });
        var email = $"staff-{account.Id}@example.com";
        var admin = new HttpClient { BaseAddress = app.RealAddress };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", DndApp.AdminKey);
        await Http.EnsureAsync(await admin.PostAsJsonAsync($"/admin/accounts/{account.Id}/users",
            new { email, password = Password, role, displayName = "Sam Staff" }), 201);
        var (playwright, browser) = await Infrastructure.Browser.LaunchAsync();
        return new OperatorBrowser(app, playwright, browser, account, email);
    }

    /// <summary>A new page signed in through the sign-in form, on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string path = "/app")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = App.RealAddress.ToString() });
        await page.GotoAsync(path);
        await page.GetByLabel("E-mail").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForUrlAsync(page, url => !url.Contains("/app/sign-in", StringComparison.Ordinal), "signing in");
        return page;
    }

    /// <summary>
    /// Waits for <paramref name="page"/> to reach a URL <paramref name="matches"/> accepts, after <paramref name="action"/>.
    /// A wait that runs out says what the page showed and what the server logged: the two seen with the whole suite on
    /// 2 cores (after signing in, after saving a smart list) said neither.
    /// </summary>
    public async Task WaitForUrlAsync(IPage page, Func<string, bool> matches, string action)
    {
        try
        {
            // Reached when the new address commits: what the test checks next waits for its content anyway. Waiting
            // for the load event as well (the default) timed out twice under the whole suite on a page that showed
            // the saved smart list at the matching address: a full load (enhanced navigation is off) whose load
            // event Playwright never saw.
            await page.WaitForURLAsync(matches, new() { Timeout = 60_000, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Still on {page.Url} 60 s after {action}; {await DescribeAsync(page)}", e);
        }
    }

    /// <summary>Runs <paramref name="expectation"/>; one that fails says what the page showed and what the server logged.</summary>
    public async Task ExplainAsync(IPage page, Func<Task> expectation, string what)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException e)
        {
            throw new PlaywrightException($"{what} failed on {page.Url}; {await DescribeAsync(page)}\n{e.Message}");
        }
    }

    private async Task<string> DescribeAsync(IPage page) =>
        $"the page says: {await page.InnerTextAsync("body")}\nThe server logged: {string.Join("\n", App.Errors.Snapshot().Select(x => $"{x.Category}: {x.Exception}"))}";

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
