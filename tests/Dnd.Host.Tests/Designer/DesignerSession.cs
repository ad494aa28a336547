using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.Designer;

/// <summary>One server and one Chromium for a test class; each test makes its own account and page.</summary>
public sealed class DesignerSession : IAsyncLifetime
{
    public DndApp App { get; } = new(kestrel: true);

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    public async Task InitializeAsync() => (_playwright, Browser) = await Infrastructure.Browser.LaunchAsync();

    public async Task<(IPage Page, TestAccount Account)> OpenAsync()
    {
        var account = await TestAccount.CreateAsync(App, new HttpClient { BaseAddress = App.RealAddress });
        return (await DesignerPage.OpenAsync(Browser, App, account), account);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
