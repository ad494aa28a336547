using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The screenshots README shows (docs/screens), written by the screens' Playwright tests.</summary>
public static class Screens
{
    /// <summary>
    /// The screen as it is, into docs/screens/<paramref name="file"/>. Whole: the window is made as tall as the page, so
    /// MudBlazor's fixed app bar and drawer stay in place (a full-page capture would leave them at the top).
    /// </summary>
    public static async Task SaveAsync(IPage page, string file, bool whole = true)
    {
        if (whole)
        {
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            await page.SetViewportSizeAsync(page.ViewportSize?.Width ?? 1280, height);
        }
        var folder = Path.Combine(RepoPaths.Root, "docs", "screens");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), Animations = ScreenshotAnimations.Disabled });
    }
}
