using System.Net.Http.Json;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>Staff read the Reports screen in Chromium after opt-outs arrived by webhook, and download a table as CSV.</summary>
[Collection(ScreenCollection.Name)]
public class ReportsScreenTests
{
    [Fact]
    public async Task Staff_see_the_DND_counts_and_the_opt_outs_by_channel_and_source_and_download_the_CSV()
    {
        await using var app = await OperatorBrowser.StartAsync();
        await app.Account.CreateContactAsync(new { phone = "+15550301001", firstName = "Ana" });
        await app.Account.CreateContactAsync(new { phone = "+15550301002", firstName = "Ben" });
        await app.Account.CreateContactAsync(new { email = "carla@example.com", firstName = "Carla" });
        await app.Account.CreateContactAsync(new { phone = "+15550301004", firstName = "Dan" });
        await Twilio.InboundAsync(app.App, app.Account, "+15550301001", "STOP");
        await Twilio.InboundAsync(app.App, app.Account, "+15550301002", "STOP");
        await Http.EnsureAsync(await Mailgun.PostAsync(app.App, app.Account, "carla@example.com", "unsubscribed"), 200);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        var page = await app.SignInAsync("/app/reports");

        await Expect(page.GetByRole(AriaRole.Status, new() { Name = "Report range" })).ToContainTextAsync("3 opt-outs");
        var channels = page.GetByRole(AriaRole.Region, new() { Name = "Current DND" }).GetByLabel("Blocked per channel");
        await Expect(channels.GetByRole(AriaRole.Term)).ToHaveTextAsync(["Call", "Email", "SMS", "WhatsApp", "FB", "GMB"]);
        await Expect(channels.GetByRole(AriaRole.Definition)).ToHaveTextAsync(["0", "1", "2", "0", "0", "0"]);
        var aggregate = page.GetByLabel("DND across channels");
        await Expect(aggregate.GetByRole(AriaRole.Term)).ToHaveTextAsync(["On (every channel)", "Partial (some channels)", "Off (no channel)"]);
        await Expect(aggregate.GetByRole(AriaRole.Definition)).ToHaveTextAsync(["0", "3", "1"]);

        var byChannel = page.GetByRole(AriaRole.Table, new() { Name = "Opt-outs by channel, per day" });
        await Expect(byChannel.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Day", "Call", "Email", "SMS", "WhatsApp", "FB", "GMB", "Total"]);
        await Expect(byChannel.GetByRole(AriaRole.Row, new() { Name = today }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["0", "1", "2", "0", "0", "0", "3"]);
        var bySource = page.GetByRole(AriaRole.Table, new() { Name = "Opt-outs by source, per day" });
        await Expect(bySource.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Day", "Keyword (STOP)", "Mailgun unsubscribe", "Total"]);
        await Expect(bySource.GetByRole(AriaRole.Row, new() { Name = today }).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["2", "1", "3"]);
        var top = page.GetByRole(AriaRole.Table, new() { Name = "Top opt-out sources" });
        await Expect(top.GetByRole(AriaRole.Row).Nth(1)).ToHaveAccessibleNameAsync("Keyword (STOP) 2 67%");
        await Expect(top.GetByRole(AriaRole.Row).Nth(2)).ToHaveAccessibleNameAsync("Mailgun unsubscribe 1 33%");
        await Screens.SaveAsync(page, "reports.png");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download opt-outs by channel (CSV)" }).ClickAsync());
        download.SuggestedFilename.Should().StartWith("opt-outs-by-channel-").And.EndWith($"-to-{today}.csv");
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        csv[0].Should().Be("Period,Channel,OptOuts");
        csv.Should().Contain($"{today},SMS,2").And.Contain($"{today},Email,1").And.HaveCount(1 + 30 * 6);
    }
}
