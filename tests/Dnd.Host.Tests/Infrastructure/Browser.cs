using Microsoft.Playwright;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; the test suite never downloads a browser of its own.</summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing; the README test command installs Debian's chromium.");
        }
        // The whole suite on 2 cores (CI) can hold a Blazor circuit's update past Playwright's 5 s default; a wait that
        // passes is as quick as before, only one that fails takes longer to say so.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
        return (playwright, browser);
    }
}
