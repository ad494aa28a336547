using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Dnd.Host.Tests.Infrastructure.Flow;
using static Microsoft.Playwright.Assertions;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>
/// The Workflows screen in Chromium: the account's workflows with their state and instance counts, a workflow's runs with
/// the path each took, and the designer opened from the app on the person's session.
/// </summary>
[Collection(ScreenCollection.Name)]
public class WorkflowsScreenTests
{
    [Fact]
    public async Task Staff_see_each_workflows_state_and_counts_and_why_a_runs_step_was_skipped()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var account = app.Account;
        await PublishAsync(account, Definition("welcome", [Activity("sms", "Send", new { channel = "SMS", body = "Welcome" })], []));
        await PublishAsync(account, Definition("winback", [Activity("wait", "Delay", new { duration = "3600" }), Activity("sms", "Send", new { channel = "SMS", body = "Back?" })],
            [Connect("wait", "Done", "sms")]));
        await Http.EnsureAsync(await account.Client.PutAsJsonAsync("/workflows/idea/draft", Definition("idea", [], [])), 200);
        var ana = await ContactAsync(account, "Ana", "+15550131001", smsDnd: true);
        var ben = await ContactAsync(account, "Ben", "+15550131002", smsDnd: false);
        await UntilStatusAsync(account, await StartAsync(account, ana, "welcome"), "Finished");
        await UntilStatusAsync(account, await StartAsync(account, ben, "welcome"), "Finished");
        await UntilStatusAsync(account, await StartAsync(account, ben, "winback"), "Suspended");
        await Http.EnsureAsync(await account.Client.PostAsync("/workflows/winback/unpublish", null), 200);

        var page = await app.SignInAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        var table = page.GetByRole(AriaRole.Region, new() { Name = "Workflows" }).GetByRole(AriaRole.Table);
        // The first look waits longer: the page reads its table once the circuit is up, which a busy machine (the whole suite on 2 cores) delays.
        await app.ExplainAsync(page, () => Expect(Cells(table, "welcome")).ToHaveTextAsync(Texts("welcome", "Published", "1", "0", "2", "0", "Open welcome in the designer")),
            "The workflows table's first look");
        await Expect(Cells(table, "winback")).ToHaveTextAsync(Texts("winback", "Paused", "1", "1", "0", "0", "Open winback in the designer"));
        await Expect(Cells(table, "winback").Nth(1)).ToContainTextAsync("contacts already in it go on");
        await Expect(Cells(table, "idea")).ToHaveTextAsync(Texts("idea", "Draft", "—", "0", "0", "0", "Open idea in the designer"));
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Open welcome in the designer" }))
            .ToHaveAttributeAsync("href", $"/designer/?account={account.Id}&workflow=welcome");
        await Screens.SaveAsync(page, "workflows.png");

        await table.GetByRole(AriaRole.Link, new() { Name = "welcome instances" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "welcome", Level = 1 })).ToBeVisibleAsync();
        var runs = page.GetByRole(AriaRole.Region, new() { Name = "Instances" }).GetByRole(AriaRole.Table);
        await Expect(runs.GetByRole(AriaRole.Link, new() { Name = "Ana Ruiz" })).ToHaveAttributeAsync("href", $"/app/contacts/{ana}");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Path of Ana Ruiz's run" })).ToContainTextAsync("skipped: SMS DND");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Path of Ben Ruiz's run" })).ToContainTextAsync("sent: SMS message");

        await page.GetByLabel("Instance status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Suspended" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No Suspended instances.");
    }

    [Fact]
    public async Task Build_publish_and_run_a_workflow_in_the_designer_opened_from_the_app_and_see_its_instance_path()
    {
        await using var app = await OperatorBrowser.StartAsync();
        var page = await app.SignInAsync("/app/workflows");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No workflows yet.");

        await page.GetByRole(AriaRole.Link, new() { Name = "New workflow in the designer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        await page.GetByLabel("Workflow id").FillAsync("first-touch");
        await page.GetByLabel("Workflow name").FillAsync("First touch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Send message" }).ClickAsync();
        var properties = page.GetByRole(AriaRole.Region, new() { Name = "Properties" });
        await properties.GetByLabel("channel").SelectOptionAsync("SMS");
        await properties.GetByLabel("body").FillAsync("Hi {{ contact.first_name }}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published first-touch version 1");

        var ana = await ContactAsync(app.Account, "Ana", "+15550132001", smsDnd: true);
        await UntilStatusAsync(app.Account, await StartAsync(app.Account, ana, "first-touch"), "Finished");

        await page.GotoAsync("/app/workflows");
        await page.GetByRole(AriaRole.Link, new() { Name = "First touch instances" }).ClickAsync();
        var path = page.GetByRole(AriaRole.List, new() { Name = "Path of Ana Ruiz's run" });
        await Expect(path.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(path).ToContainTextAsync("send-1");
        await Expect(path).ToContainTextAsync("Skipped");
        await Expect(path).ToContainTextAsync("skipped: SMS DND");
        await Screens.SaveAsync(page, "workflow-instances.png");

        // Reopened from the app, the designer opens the workflow itself, with no key asked for.
        await page.GetByRole(AriaRole.Link, new() { Name = "Open First touch in the designer" }).ClickAsync();
        await Expect(page.GetByLabel("Workflow name")).ToHaveValueAsync("First touch");
        await Expect(page.GetByLabel("API key")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task The_workflow_api_takes_the_signed_in_cookie_only_with_the_antiforgery_token_for_changes_and_only_in_the_persons_account()
    {
        await using var app = await OperatorBrowser.StartAsync("account_user");
        await PublishAsync(app.Account, Definition("welcome", [Activity("sms", "Send", new { channel = "SMS", body = "Welcome" })], []));
        var other = await TestAccount.CreateAsync(app.App, new HttpClient { BaseAddress = app.App.RealAddress });
        var page = await app.SignInAsync();
        var api = page.APIRequest;

        var list = await api.GetAsync("/workflows/");
        list.Status.Should().Be(200);
        (await list.TextAsync()).Should().Contain("\"welcome\"");

        // What a forged cross-site post would be: the cookie rides along, the token cannot.
        var forged = await api.PostAsync("/workflows/welcome/unpublish");
        forged.Status.Should().Be(400);
        (await forged.TextAsync()).Should().Contain("Antiforgery token missing or invalid");
        (await StatusOfAsync(app.Account, "welcome")).Should().Be("published", "a refused request changes nothing");

        var antiforgery = await (await api.GetAsync("/app/antiforgery")).JsonAsync();
        var headers = new Dictionary<string, string> { [antiforgery!.Value.GetProperty("headerName").GetString()!] = antiforgery.Value.GetProperty("token").GetString()! };
        (await api.PostAsync("/workflows/welcome/unpublish", new() { Headers = headers })).Status.Should().Be(200);
        (await StatusOfAsync(app.Account, "welcome")).Should().Be("unpublished");

        var elsewhere = await api.GetAsync($"/workflows/?locationId={other.Id}");
        elsewhere.Status.Should().Be(403, "an account user works in their own account only");
        // API keys stay for the rest of the API: enrolling a contact is not one of the designer's calls.
        (await api.PostAsync($"/contacts/someone/workflow/welcome", new() { Headers = headers })).Status.Should().Be(401);
        var stranger = await app.Browser.NewContextAsync(new() { BaseURL = app.App.RealAddress.ToString() });
        (await stranger.APIRequest.GetAsync("/workflows/")).Status.Should().Be(401);
        (await stranger.APIRequest.GetAsync("/app/antiforgery")).Status.Should().Be(401);
    }

    /// <summary>A workflow's row's cells after its name: id, status, version, active, finished, faulted, the designer link.</summary>
    private static ILocator Cells(ILocator table, string name) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = table.Page.GetByRole(AriaRole.Link, new() { Name = $"{name} instances", Exact = true }) })
            .GetByRole(AriaRole.Cell);

    /// <summary>Each cell's text begins with its value, then ends or goes on with another word or sentence ("1" is not "10").</summary>
    private static Regex[] Texts(params string[] cells) => cells.Select(c => new Regex($"^\\s*{Regex.Escape(c)}(\\s|$|[A-Z])")).ToArray();

    private static async Task<string> ContactAsync(TestAccount account, string first, string phone, bool smsDnd) =>
        (await account.CreateContactAsync(smsDnd
            ? new { phone, firstName = first, lastName = "Ruiz", dndSettings = (object)new { SMS = new { status = "active" } } }
            : new { phone, firstName = first, lastName = "Ruiz", dndSettings = (object)new { } })).GetProperty("id").GetString()!;

    private static async Task<string> StatusOfAsync(TestAccount account, string workflowId) =>
        (await account.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/workflows/")).GetProperty("workflows").EnumerateArray()
        .Single(w => w.GetProperty("id").GetString() == workflowId).GetProperty("status").GetString()!;
}
