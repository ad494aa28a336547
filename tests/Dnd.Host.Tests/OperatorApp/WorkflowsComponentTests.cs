using Bunit;
using Dnd.Host.Api.Workflows;
using Dnd.Host.OperatorApp.Workflows;
using Dnd.Workflows.Persistence;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The Workflows screen's parts on their own: the workflows table's states and counts, and an instance's path.</summary>
public class WorkflowsComponentTests : ComponentTest
{
    private static readonly DateTimeOffset At = new(2025, 6, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_table_shows_each_workflows_state_version_and_counts_and_says_what_paused_means()
    {
        var table = Render<WorkflowTable>(p => p
            .Add(t => t.AccountId, "acc 1")
            .Add(t => t.Rows, [
                Row("welcome", "Welcome", WorkflowSummaryDto.Published, 3, new InstanceCounts(4, 10, 1)),
                Row("winback", "Win back", WorkflowSummaryDto.Unpublished, 2, new InstanceCounts(2, 0, 0)),
                Row("idea", "Idea", WorkflowSummaryDto.Draft, 0, InstanceCounts.None),
            ]));

        var rows = table.FindAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        rows[0][..7].Should().Equal("Welcome", "welcome", "Published", "3", "4", "10", "1");
        rows[1][2].Should().StartWith("Paused").And.Contain("contacts already in it go on", "a paused workflow's running instances go on");
        rows[1][..7].Skip(3).Should().Equal("2", "2", "0", "0");
        rows[2][..7].Should().Equal("Idea", "idea", "Draft", "—", "0", "0", "0");
        table.FindAll("a").Single(a => a.TextContent == "Open Win back in the designer").GetAttribute("href")
            .Should().Be("/designer/?account=acc%201&workflow=winback");
        table.FindAll("a").Single(a => a.TextContent == "Welcome").GetAttribute("href").Should().Be("/app/workflows/welcome");
    }

    [Fact]
    public void A_path_lists_the_steps_in_order_and_says_why_a_send_was_skipped()
    {
        var path = Render<InstancePath>(p => p.Add(i => i.Instance, Instance(WorkflowStatus.Finished, null, null,
            Step(1, "sms", "Send", "Blocked", "skipped: SMS DND is active (set by contact STOP)"),
            Step(2, "email", "Send", "Done", "sent: Email message m1"))));

        var steps = path.FindAll("ol[aria-label=\"Path of Ana Ruiz's run\"] > li");
        steps.Select(s => s.GetAttribute("data-outcome")).Should().Equal("Blocked", "Done");
        steps[0].TextContent.Should().Contain("sms").And.Contain("Skipped").And.Contain("skipped: SMS DND is active (set by contact STOP)");
        steps[1].TextContent.Should().Contain("sent: Email message m1").And.NotContain("Skipped");
        path.FindAll("[role=note]").Should().BeEmpty("a finished run has no fault");
    }

    [Fact]
    public void A_faulted_run_names_the_failing_activity_and_its_error()
    {
        var path = Render<InstancePath>(p => p.Add(i => i.Instance, Instance(WorkflowStatus.Faulted, "Template error: unknown variable", "email",
            Step(1, "sms", "Send", "Done", "sent: SMS message m1"),
            Step(2, "email", "Send", "Faulted", "Template error: unknown variable"))));

        path.Find("[role=note]").TextContent.Should().Contain("Faulted at email").And.Contain("Template error: unknown variable");
        path.FindAll("li").Last().GetAttribute("data-outcome").Should().Be("Faulted");
    }

    [Fact]
    public void A_run_with_no_step_yet_says_so()
    {
        var path = Render<InstancePath>(p => p.Add(i => i.Instance, Instance(WorkflowStatus.Running, null, null)));

        path.Markup.Should().Contain("No step has run yet.");
        path.FindAll("ol").Should().BeEmpty();
    }

    [Theory]
    [InlineData(WorkflowStatus.Suspended, "Waiting")]
    [InlineData(WorkflowStatus.Running, "Running")]
    [InlineData(WorkflowStatus.Faulted, "Faulted")]
    public void A_suspended_run_reads_as_waiting(WorkflowStatus status, string label) =>
        Instance(status, null, null).StatusLabel.Should().Be(label);

    private static WorkflowRowView Row(string id, string name, string status, int version, InstanceCounts counts) =>
        new(new WorkflowSummaryDto(id, name, status, version, "acc 1", false, At), counts);

    private static InstanceView Instance(WorkflowStatus status, string? fault, string? faultActivity, params ExecutionLogDto[] steps) =>
        new("i1", "c1", "Ana Ruiz", status, 1, At, At, fault, faultActivity, steps);

    private static ExecutionLogDto Step(int step, string activity, string type, string outcome, string note) =>
        new(step, "i1", step, activity, type, outcome, note, At, 1);
}
