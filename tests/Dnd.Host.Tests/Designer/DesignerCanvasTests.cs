using Microsoft.Playwright;
using static Dnd.Host.Tests.Designer.DesignerPage;

namespace Dnd.Host.Tests.Designer;

/// <summary>The flowchart's own controls: undo and redo, moving and deleting with the keyboard, zoom.</summary>
public class DesignerCanvasTests(DesignerSession session) : IClassFixture<DesignerSession>
{
    [Fact]
    public async Task An_added_activity_a_drawn_connection_and_a_property_edit_are_undone_and_redone()
    {
        var (page, _) = await session.OpenAsync();
        await Button(page, "Add Send message").ClickAsync();
        await Button(page, "Add Set DND").ClickAsync();
        var setDnd = Node(page, "set-dnd-1: Set DND");
        await ConnectAsync(page, "port-send-1-Blocked", setDnd);
        var edge = page.GetByTestId("edge-send-1-Blocked-set-dnd-1");
        await Assertions.Expect(edge).ToHaveCountAsync(1);

        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(edge).ToHaveCountAsync(0);
        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(setDnd).ToHaveCountAsync(0);
        await Assertions.Expect(Node(page, "send-1: Send message")).ToBeVisibleAsync();

        await Canvas(page).FocusAsync();
        await page.Keyboard.PressAsync("Control+Y");
        await Assertions.Expect(setDnd).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+Shift+Z");
        await Assertions.Expect(edge).ToHaveCountAsync(1);
        await Node(page, "send-1: Send message").ClickAsync();
        await Assertions.Expect(Properties(page).GetByLabel("Blocked goes to")).ToHaveValueAsync("set-dnd-1");
        await Assertions.Expect(Button(page, "Redo")).ToBeDisabledAsync();

        await setDnd.ClickAsync();
        await Properties(page).GetByLabel("channel").SelectOptionAsync("Email");
        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(Properties(page).GetByLabel("channel")).ToHaveValueAsync("all");
    }

    [Fact]
    public async Task Arrow_keys_move_the_selected_activity_and_Delete_removes_it_but_not_while_typing()
    {
        var (page, _) = await session.OpenAsync();
        await Button(page, "Add Wait").ClickAsync();
        var node = Node(page, "delay-1: Wait");
        await node.ClickAsync();
        var before = (await node.BoundingBoxAsync())!;

        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowDown");

        var after = (await node.BoundingBoxAsync())!;
        after.X.Should().BeApproximately(before.X + 10, 0.5f);
        after.Y.Should().BeApproximately(before.Y + 50, 0.5f);

        await page.GetByLabel("Workflow name").PressAsync("Backspace");
        await Assertions.Expect(node).ToBeVisibleAsync();

        await node.FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(node).ToHaveCountAsync(0);
        await Button(page, "Undo").ClickAsync();
        await Assertions.Expect(node).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_zoom_buttons_zoom_the_flowchart_and_Fit_brings_it_back()
    {
        var (page, _) = await session.OpenAsync();
        await Button(page, "Add Wait").ClickAsync();
        var node = Node(page, "delay-1: Wait");
        var width = (await node.BoundingBoxAsync())!.Width;
        await Assertions.Expect(Canvas(page)).ToContainTextAsync("Zoom 100%");

        await Button(page, "Zoom in").ClickAsync();
        await Button(page, "Zoom in").ClickAsync();

        await Assertions.Expect(Canvas(page)).ToContainTextAsync("Zoom 120%");
        (await node.BoundingBoxAsync())!.Width.Should().BeApproximately(width * 1.2f, 1f);

        await Button(page, "Zoom out").ClickAsync();
        await Button(page, "Zoom out").ClickAsync();
        await Button(page, "Zoom out").ClickAsync();
        await Assertions.Expect(Canvas(page)).ToContainTextAsync("Zoom 90%");

        await Button(page, "Fit").ClickAsync();
        await Assertions.Expect(Canvas(page)).ToContainTextAsync("Zoom 100%");
    }
}
