using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.Infrastructure;

/// <summary>
/// A contact-facing page in Chromium on a phone: a server on a real port, a browser, and an account whose business
/// name the pages show.
/// </summary>
public abstract class ContactPageTest : IAsyncLifetime
{
    protected static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };

    protected readonly DndApp App = new(kestrel: true);
    private IPlaywright _playwright = null!;
    protected IBrowser Browser { get; private set; } = null!;
    protected TestAccount Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Infrastructure.Browser.LaunchAsync();
        Account = await TestAccount.CreateAsync(App, new HttpClient { BaseAddress = App.RealAddress });
        await Http.EnsureAsync(await Account.Client.PutAsJsonAsync("/locations/compliance/", new { businessName = "Kim's Bakery" }), 200);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }

    protected Task<IPage> PhoneAsync() => Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Phone, IsMobile = true });
}
