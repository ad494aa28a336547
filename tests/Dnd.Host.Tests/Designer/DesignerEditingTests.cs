using Dnd.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static Dnd.Host.Tests.Designer.DesignerPage;
using static Dnd.Host.Tests.Infrastructure.Flow;

namespace Dnd.Host.Tests.Designer;

/// <summary>Editing a workflow: problems shown on the activity before publishing, unsaved changes, durations with units.</summary>
public class DesignerEditingTests(DesignerSession session) : IClassFixture<DesignerSession>
{
    [Fact]
    public async Task An_activity_missing_a_required_property_shows_the_problem_on_itself_and_publish_is_refused()
    {
        var (page, account) = await session.OpenAsync();
        await page.GetByLabel("Workflow id").FillAsync("greeting");
        await page.GetByLabel("Workflow name").FillAsync("Greeting");
        await Button(page, "Add Send message").ClickAsync();
        var send = Node(page, "send-1: Send message");

        await Assertions.Expect(send).ToHaveAccessibleDescriptionAsync("Problem: 'body' is required");
        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Not published: fix the problem shown on the activities first");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Problems" })).ToContainTextAsync("activity 'send-1': 'body' is required");
        await Http.ProblemAsync(await account.Client.GetAsync("/workflows/greeting/draft"), 404);

        await SetTextAsync(Properties(page).GetByLabel("body"), "Hello");
        await Assertions.Expect(send).ToHaveAccessibleDescriptionAsync("");
        await Button(page, "Publish").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published greeting version 1");
    }

    [Fact]
    public async Task Unsaved_changes_are_shown_and_opening_another_workflow_asks_first()
    {
        var (page, account) = await session.OpenAsync();
        await PublishAsync(account, Definition("first", [Activity("wait", "Delay", new { duration = "60" })], []));
        await PublishAsync(account, Definition("second", [Activity("pause", "Delay", new { duration = "60" })], []));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        await page.GetByLabel("Open workflow").SelectOptionAsync("first");
        await Assertions.Expect(Node(page, "wait: Wait")).ToBeVisibleAsync();
        var unsaved = page.GetByText("Unsaved changes");
        await Assertions.Expect(unsaved).ToBeHiddenAsync();

        await Button(page, "Add Set DND").ClickAsync();
        await Assertions.Expect(unsaved).ToBeVisibleAsync();
        var asked = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.Add($"{dialog.Type}: {dialog.Message}");
            // Stays on the workflow when asked to discard it; leaves the page when asked to leave it.
            await (dialog.Type == DialogType.BeforeUnload ? dialog.AcceptAsync() : dialog.DismissAsync());
        };
        await page.GetByLabel("Open workflow").SelectOptionAsync("second");

        await Assertions.Expect(Node(page, "set-dnd-1: Set DND")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Open workflow")).ToHaveValueAsync("first");
        asked.Should().Equal("confirm: The workflow has unsaved changes. Discard them?");

        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(unsaved).ToBeHiddenAsync();
        await Button(page, "Redo").ClickAsync();
        await Assertions.Expect(unsaved).ToBeVisibleAsync();
        await page.ReloadAsync();

        asked.Should().HaveCount(2).And.Contain("beforeunload: ");
    }

    [Fact]
    public async Task A_duration_edited_as_2_hours_is_saved_as_the_engine_reads_it_and_reopens_as_2_hours()
    {
        var (page, account) = await session.OpenAsync();
        await page.GetByLabel("Workflow id").FillAsync("pause");
        await page.GetByLabel("Workflow name").FillAsync("Pause");
        await Button(page, "Add Wait").ClickAsync();
        await Assertions.Expect(Properties(page).GetByRole(AriaRole.Spinbutton, new() { Name = "duration", Exact = true })).ToHaveValueAsync("5");
        await Assertions.Expect(Properties(page).GetByLabel("duration unit")).ToHaveValueAsync("minutes");

        await SetDurationAsync(page, "duration", 2, "hours");
        await Button(page, "Publish").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Published pause version 1");
        var published = await Http.JsonAsync(await account.Client.GetAsync("/workflows/pause"));
        published.GetProperty("activities")[0].GetProperty("properties").GetProperty("duration").GetString().Should().Be("02:00:00");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Connected");
        await page.GetByLabel("Open workflow").SelectOptionAsync("pause");
        await Node(page, "delay-1: Wait").ClickAsync();
        await Assertions.Expect(Properties(page).GetByRole(AriaRole.Spinbutton, new() { Name = "duration", Exact = true })).ToHaveValueAsync("2");
        await Assertions.Expect(Properties(page).GetByLabel("duration unit")).ToHaveValueAsync("hours");
    }
}
