using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.Designer;

/// <summary>The designer's parts as a person finds them: by role and name.</summary>
public static class DesignerPage
{
    public static async Task<IPage> OpenAsync(IBrowser browser, DndApp app, TestAccount account)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(app.RealAddress, "/designer/").ToString());
        await page.GetByLabel("API key").FillAsync(account.ApiKey);
        await Button(page, "Connect").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        return page;
    }

    public static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static ILocator Canvas(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Flowchart" });

    /// <summary>An activity on the canvas, named "&lt;id&gt;: &lt;DisplayName&gt;".</summary>
    public static ILocator Node(IPage page, string name) => Canvas(page).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>The selected activity's properties panel: its fields are found there, not among the templates' buttons.</summary>
    public static ILocator Properties(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Properties" });

    public static ILocator History(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = "Version history" });

    /// <summary>Types into a text box and leaves it, as a person does (the designer takes the value on change).</summary>
    public static async Task SetTextAsync(ILocator box, string text)
    {
        await box.FillAsync(text);
        await box.PressAsync("Tab");
    }

    /// <summary>A duration property as a number and a unit ("2", "hours").</summary>
    public static async Task SetDurationAsync(IPage page, string name, double amount, string unit)
    {
        await SetTextAsync(Properties(page).GetByRole(AriaRole.Spinbutton, new() { Name = name, Exact = true }), amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Properties(page).GetByLabel($"{name} unit").SelectOptionAsync(unit);
    }

    /// <summary>Drags from an outcome's port (SVG, with no role: found by its test id) onto an activity.</summary>
    public static async Task ConnectAsync(IPage page, string portTestId, ILocator node)
    {
        var port = await page.GetByTestId(portTestId).BoundingBoxAsync();
        var target = await node.BoundingBoxAsync();
        await page.Mouse.MoveAsync(port!.X + port.Width / 2, port.Y + port.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + target.Height / 2 + 10, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
