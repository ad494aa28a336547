using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Dnd.Host.Tests.Designer.DesignerPage;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Designer;

/// <summary>
/// A person takes a workflow through its life in the web designer (drafts, publish, unpublish, versions and rollback,
/// delete, templates), finding each control by its role and name as they would; the API says what it did.
/// </summary>
public class DesignerLifecycleTests : IAsyncLifetime
{
    private readonly DndApp _app = new(kestrel: true, workflowsFolder: RepoPaths.Workflows);
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
    public async Task A_draft_reopens_after_a_reload_and_its_trigger_starts_nothing_until_it_is_published()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        // A published workflow on the same trigger: once it has started for a contact, that contact's trigger was taken.
        await PublishAsync(account, Definition("witness", [Activity("sms-on", "DndChangedTrigger", new { channel = "SMS", state = "on" })], []));
        var page = await OpenDesignerAsync(account);

        await page.GetByLabel("Workflow id").FillAsync("email-follows-sms");
        await page.GetByLabel("Workflow name").FillAsync("Email DND follows SMS");
        await Button(page, "Add DND changed").ClickAsync();
        await Properties(page).GetByLabel("channel").SelectOptionAsync("SMS");
        await Properties(page).GetByLabel("state").SelectOptionAsync("on");
        await Button(page, "Add Set DND").ClickAsync();
        await Properties(page).GetByLabel("channel").SelectOptionAsync("Email");
        await Canvas(page).GetByRole(AriaRole.Button, new() { Name = "dnd-changed-trigger-1: DND changed" }).ClickAsync();
        await page.GetByLabel("Done goes to").SelectOptionAsync("set-dnd-1");
        await Button(page, "Save draft").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved");
        (await SummaryAsync(account, "email-follows-sms")).GetProperty("status").GetString().Should().Be("draft");
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/email-follows-sms"), 404);

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        await page.GetByLabel("Open workflow").SelectOptionAsync("email-follows-sms");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opened the draft of email-follows-sms");
        await Assertions.Expect(page.GetByLabel("Workflow name")).ToHaveValueAsync("Email DND follows SMS");
        await Assertions.Expect(Canvas(page).GetByRole(AriaRole.Button, new() { Name = "set-dnd-1: Set DND" })).ToBeVisibleAsync();
        await Canvas(page).GetByRole(AriaRole.Button, new() { Name = "dnd-changed-trigger-1: DND changed" }).ClickAsync();
        await Assertions.Expect(Properties(page).GetByLabel("channel")).ToHaveValueAsync("SMS");
        await Assertions.Expect(page.GetByLabel("Done goes to")).ToHaveValueAsync("set-dnd-1");

        // The draft's trigger fires (the witness starts) and starts nothing of the draft.
        var before = await SmsDndContactAsync(account, "+15550800001");
        await Eventually.MatchAsync(() => DefinitionsStartedAsync(account, before), started => started.Contains("witness"), "the witness to start");
        (await DefinitionsStartedAsync(account, before)).Should().Equal("witness");

        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published email-follows-sms version 1");
        (await SummaryAsync(account, "email-follows-sms")).GetProperty("status").GetString().Should().Be("published");
        var after = await SmsDndContactAsync(account, "+15550800002");
        await Eventually.MatchAsync(() => DefinitionsStartedAsync(account, after), started => started.Contains("email-follows-sms"), "the published workflow to start");
        await Eventually.MatchAsync(() => account.DndStatusAsync(after, "Email"), status => status == "active", "the workflow to set Email DND");
        (await DefinitionsStartedAsync(account, before)).Should().Equal("witness");
    }

    [Fact]
    public async Task Two_publishes_list_two_versions_and_rolling_back_from_the_history_publishes_version_1_again()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        var page = await OpenDesignerAsync(account);
        await page.GetByLabel("Workflow id").FillAsync("waits");
        await page.GetByLabel("Workflow name").FillAsync("Waits");
        await Button(page, "Add Wait").ClickAsync();
        await SetDurationAsync(page, "duration", 1, "hours");
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published waits version 1");
        await Assertions.Expect(History(page).GetByRole(AriaRole.Row, new() { Name = "Version 1 (latest, published)" })).ToBeVisibleAsync();

        await Canvas(page).GetByRole(AriaRole.Button, new() { Name = "delay-1: Wait" }).ClickAsync();
        await SetDurationAsync(page, "duration", 2, "hours");
        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published waits version 2");
        var rows = History(page).GetByRole(AriaRole.Row).Filter(new() { HasText = "Published draft" });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Version 2 (latest, published)");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Version 1");

        await History(page).GetByRole(AriaRole.Row, new() { Name = "Version 1" }).GetByRole(AriaRole.Button, new() { Name = "Roll back to version 1" })
            .ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rolled back waits: version 3 is a copy of version 1");
        await Assertions.Expect(History(page).GetByRole(AriaRole.Row, new() { Name = "Version 3 (latest, published)" })).ToContainTextAsync("Rollback to version 1");
        var latest = await Http.JsonAsync(await account.Client.GetAsync("/workflows/waits"));
        var first = await Http.JsonAsync(await account.Client.GetAsync("/workflows/waits?version=1"));
        latest.GetProperty("version").GetInt32().Should().Be(3);
        latest.GetProperty("activities").GetRawText().Should().Be(first.GetProperty("activities").GetRawText());
        latest.GetProperty("activities")[0].GetProperty("properties").GetProperty("duration").GetString().Should().Be("01:00:00");
        (await VersionsAsync(account, "waits")).Should().Equal((1, "draft"), (2, "draft"), (3, "rollback of 1"));
    }

    [Fact]
    public async Task Unpublishing_from_the_designer_stops_new_enrolments_and_publishing_turns_it_back_on()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        await PublishAsync(account, Definition("paused", [Activity("wait", "Delay", new { duration = "60" })], []));
        var contact = (await account.CreateContactAsync(new { phone = "+15550800011" })).GetProperty("id").GetString()!;
        var page = await OpenDesignerAsync(account);
        await page.GetByLabel("Open workflow").SelectOptionAsync("paused");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opened paused version 1");

        await Button(page, "Unpublish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Unpublished paused");
        await Assertions.Expect(Button(page, "Unpublish")).ToBeDisabledAsync();
        await Assertions.Expect(History(page).GetByRole(AriaRole.Row, new() { Name = "Version 1 (latest, unpublished)" })).ToBeVisibleAsync();
        (await SummaryAsync(account, "paused")).GetProperty("status").GetString().Should().Be("unpublished");
        await Http.ProblemAsync(await account.Client.PostAsync($"/contacts/{contact}/workflow/paused", null), 409);

        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^Published paused version \\d+$"));
        await Assertions.Expect(Button(page, "Unpublish")).ToBeEnabledAsync();
        (await SummaryAsync(account, "paused")).GetProperty("status").GetString().Should().Be("published");
        await StartAsync(account, contact, "paused");
    }

    [Fact]
    public async Task A_template_installed_from_the_list_opens_with_its_activities_on_the_canvas()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        var page = await OpenDesignerAsync(account);
        var templates = page.GetByRole(AriaRole.List, new() { Name = "Templates" });
        var welcome = templates.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Welcome nurture (SMS, then email)" });
        await Assertions.Expect(welcome).ToContainTextAsync("3 activities");

        await welcome.GetByRole(AriaRole.Button, new() { Name = "Install Welcome nurture (SMS, then email)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Installed Welcome nurture (SMS, then email) as welcome-nurture version 1");
        foreach (var node in new[] { "sms-hello: Send message", "wait-reply: Wait for reply", "email-followup: Send message" })
        {
            await Assertions.Expect(Canvas(page).GetByRole(AriaRole.Button, new() { Name = node })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByLabel("Workflow id")).ToHaveValueAsync("welcome-nurture");
        await Assertions.Expect(History(page).GetByRole(AriaRole.Row, new() { Name = "Version 1 (latest, published)" }))
            .ToContainTextAsync("Template welcome-nurture");
        await Assertions.Expect(welcome.GetByRole(AriaRole.Button, new() { Name = "Open Welcome nurture (SMS, then email)" })).ToBeVisibleAsync();
        (await SummaryAsync(account, "welcome-nurture")).GetProperty("status").GetString().Should().Be("published");
        (await VersionsAsync(account, "welcome-nurture")).Should().Equal((1, "template:welcome-nurture"));
    }

    [Fact]
    public async Task A_draft_with_problems_is_saved_with_them_listed_cannot_be_published_and_is_deleted()
    {
        var account = await TestAccount.CreateAsync(_app, new HttpClient { BaseAddress = _app.RealAddress });
        var page = await OpenDesignerAsync(account);
        await page.GetByLabel("Workflow id").FillAsync("half");
        await page.GetByLabel("Workflow name").FillAsync("Half done");
        await Button(page, "Add Wait").ClickAsync();
        // Past the engine's longest wait: the server's check, not the designer's.
        await SetDurationAsync(page, "duration", 4000, "days");

        await Button(page, "Save draft").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Draft saved, with 1 problem to fix before publishing");
        var problems = page.GetByRole(AriaRole.List, new() { Name = "Problems" });
        await Assertions.Expect(problems.GetByRole(AriaRole.Listitem)).ToContainTextAsync("activity 'delay-1': duration: '4000.00:00:00' is not a duration");
        await Assertions.Expect(Canvas(page).GetByRole(AriaRole.Button, new() { Name = "delay-1: Wait" }))
            .ToHaveAccessibleDescriptionAsync(new Regex("^Problem: duration: '4000.00:00:00' is not a duration"));
        (await SummaryAsync(account, "half")).GetProperty("status").GetString().Should().Be("draft");

        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not published: Invalid workflow. The changes are saved as a draft.");
        await Assertions.Expect(problems.GetByRole(AriaRole.Listitem)).ToContainTextAsync("activity 'delay-1': duration: '4000.00:00:00' is not a duration");
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/half"), 404);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Button(page, "Delete").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Deleted half");
        await Assertions.Expect(page.GetByLabel("Workflow id")).ToHaveValueAsync("");
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/half/draft"), 404);
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/"))).GetProperty("workflows").GetArrayLength().Should().Be(0);
    }

    private Task<IPage> OpenDesignerAsync(TestAccount account) => DesignerPage.OpenAsync(_browser, _app, account);

    private static async Task<string> SmsDndContactAsync(TestAccount account, string phone) =>
        (await account.CreateContactAsync(new { phone, dndSettings = new { SMS = new { status = "active" } } })).GetProperty("id").GetString()!;

    private static async Task<List<string>> DefinitionsStartedAsync(TestAccount account, string contactId) =>
        (await InstancesAsync(account, contactId)).EnumerateArray()
        .Select(i => i.GetProperty("instance").GetProperty("definitionId").GetString()!).Order(StringComparer.Ordinal).ToList();

    private static async Task<JsonElement> SummaryAsync(TestAccount account, string id) =>
        (await Http.JsonAsync(await account.Client.GetAsync("/workflows/"))).GetProperty("workflows").EnumerateArray()
        .Single(w => w.GetProperty("id").GetString() == id);

    private static async Task<List<(int Version, string Source)>> VersionsAsync(TestAccount account, string id) =>
        (await account.Client.GetFromJsonAsync<JsonElement>($"/workflows/{id}/versions")).GetProperty("versions").EnumerateArray()
        .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("source").GetString()!)).ToList();
}
