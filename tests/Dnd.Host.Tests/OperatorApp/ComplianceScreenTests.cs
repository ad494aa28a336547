using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Settings → Compliance in Chromium: the preview follows the texts, a save is kept, a bad template is refused where it is wrong.</summary>
[Collection(ScreenCollection.Name)]
public class ComplianceScreenTests
{
    [Fact]
    public async Task The_sms_opt_out_text_changes_the_preview_is_saved_and_kept_and_a_bad_template_is_refused_with_its_line_and_column()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var page = await app.SignInAsync("/app/settings/compliance");
        var sms = page.GetByRole(AriaRole.Region, new() { Name = "SMS to Alex Sample" });
        await Expect(sms).ToContainTextAsync("Hi Alex, our weekend sale starts Saturday.");
        await Expect(sms).ToContainTextAsync("Reply STOP to unsubscribe.");

        await page.GetByLabel("SMS opt-out text").FillAsync("Text STOP to end our texts.");
        await Expect(sms).ToContainTextAsync("Text STOP to end our texts.");
        await Screens.SaveAsync(page, "compliance.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Compliance settings saved.")).ToBeVisibleAsync();
        (await Compliance(app)).GetProperty("smsOptOutText").GetString().Should().Be("Text STOP to end our texts.");

        await page.ReloadAsync();
        await Expect(page.GetByLabel("SMS opt-out text")).ToHaveValueAsync("Text STOP to end our texts.");

        await page.GetByLabel("HELP reply").FillAsync("{{ if }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("helpReply: line 1, column");
        (await Compliance(app)).GetProperty("helpReply").GetString().Should().NotContain("{{ if }}", "a refused save changes nothing");
    }

    private static async Task<System.Text.Json.JsonElement> Compliance(OperatorBrowser app) =>
        await Http.JsonAsync(await app.Account.Client.GetAsync("/locations/compliance/"));
}
