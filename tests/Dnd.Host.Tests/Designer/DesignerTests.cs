using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Designer;

/// <summary>A person builds a workflow by drag and drop in the web designer, publishes it, and it runs.</summary>
public class DesignerTests : IAsyncLifetime
{
    private readonly DndApp _app = new(kestrel: true);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_workflow_built_by_drag_and_drop_publishes_and_runs()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(_app.RealAddress, "/designer/").ToString());
        await page.GetByTestId("api-key").FillAsync(account.ApiKey);
        await page.GetByTestId("connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Connected");

        await page.GetByTestId("palette-Send").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = 260, Y = 60 } });
        await page.GetByTestId("prop-channel").SelectOptionAsync("SMS");
        await page.GetByTestId("prop-body").FillAsync("Hi {{ contact.first_name }}");
        await page.GetByTestId("palette-SetDnd").DragToAsync(page.GetByTestId("canvas"), new() { TargetPosition = new() { X = 420, Y = 320 } });
        await page.GetByTestId("prop-channel").SelectOptionAsync("Email");
        await DesignerPage.ConnectAsync(page, "port-send-1-Blocked", page.GetByTestId("node-set-dnd-1"));
        await Assertions.Expect(page.GetByTestId("edge-send-1-Blocked-set-dnd-1")).ToHaveCountAsync(1);
        await page.GetByTestId("wf-id").FillAsync("designed");
        await page.GetByTestId("wf-name").FillAsync("Designed in the browser");
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Published designed version 1");
        await page.ScreenshotAsync(new() { Path = Path.Combine(TempFiles.NewFolder(), "designer.png") });
        var published = await Http.JsonAsync(await account.Client.GetAsync("/workflows/designed"));
        published.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("type").GetString()).Should().Equal("Send", "SetDnd");
        published.GetProperty("connections")[0].GetProperty("outcome").GetString().Should().Be("Blocked");
        published.GetProperty("activities")[1].GetProperty("position").GetProperty("y").GetDouble().Should().BeGreaterThan(200);

        var contact = (await account.CreateContactAsync(new { phone = "+15551100001", dndSettings = new { SMS = new { status = "active" } } })).GetProperty("id").GetString()!;
        var instance = await UntilStatusAsync(account, await StartAsync(account, contact, "designed"), "Finished");
        Log(instance).Select(l => (l.Activity, l.Outcome)).Should().Equal(("send-1", "Blocked"), ("set-dnd-1", "Done"));
        (await account.DndStatusAsync(contact, "Email")).Should().Be("active");
    }

    [Fact]
    public async Task The_servers_validation_errors_are_shown_on_the_activity_they_name_and_an_existing_workflow_reopens()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        await PublishAsync(account, Definition("existing", [Activity("wait", "Delay", new { duration = "60" }), Activity("sms", "Send", new { channel = "SMS", body = "x" })],
            [Connect("wait", "Done", "sms")]));
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(_app.RealAddress, "/designer/").ToString());
        await page.GetByTestId("api-key").FillAsync(account.ApiKey);
        await page.GetByTestId("connect").ClickAsync();

        await page.GetByTestId("workflow-list").SelectOptionAsync("existing");
        await Assertions.Expect(page.GetByTestId("node-sms")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("edge-wait-Done-sms")).ToHaveCountAsync(1);
        // A template that does not parse: only the server can tell.
        await DesignerPage.Node(page, "sms: Send message").ClickAsync();
        await DesignerPage.SetTextAsync(DesignerPage.Properties(page).GetByLabel("body"), "Hi {{ end }}");
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Not published");
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("activity 'sms': body: template does not parse");
        await Assertions.Expect(DesignerPage.Node(page, "sms: Send message")).ToHaveAccessibleDescriptionAsync(new Regex("^Problem: body: template does not parse"));
        await Assertions.Expect(DesignerPage.Node(page, "wait: Wait")).ToHaveAccessibleDescriptionAsync("");
        (await account.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/workflows/existing/versions")).GetProperty("versions").GetArrayLength().Should().Be(1);
    }
}
