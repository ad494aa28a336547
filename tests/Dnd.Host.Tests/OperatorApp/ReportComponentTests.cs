using Bunit;
using Dnd.Host.Api.Reports;
using Dnd.Host.OperatorApp.Reports;

namespace Dnd.Host.Tests.OperatorApp;

/// <summary>The Reports screen's parts on their own: the DND counts panel and a chart's table.</summary>
public class ReportComponentTests : ComponentTest
{
    [Fact]
    public void The_counts_panel_shows_each_channel_blocked_count_and_the_aggregates()
    {
        var counts = new DndCounts(12,
            [new("Call", 1, 1, 0), new("Email", 2, 2, 0), new("SMS", 7, 2, 5), new("WhatsApp", 3, 0, 3), new("FB", 4, 4, 0), new("GMB", 5, 5, 0)],
            On: 1, Partial: 8, Off: 3);

        var panel = Render<DndCountsPanel>(p => p.Add(c => c.Counts, counts));

        var channels = panel.Find("dl[aria-label='Blocked per channel']");
        var terms = channels.QuerySelectorAll("dt").Select(e => e.TextContent.Trim()).ToList();
        var values = channels.QuerySelectorAll("dd").Select(e => e.TextContent.Trim()).ToList();
        terms.Zip(values).Should().Equal(("Call", "1"), ("Email", "2"), ("SMS", "7"), ("WhatsApp", "3"), ("FB", "4"), ("GMB", "5"));
        panel.Find("dl[aria-label='DND across channels']").QuerySelectorAll("dd").Select(e => e.TextContent.Trim()).Should().Equal("1", "8", "3");
        panel.Markup.Should().Contain("12 contacts in this account");
    }

    [Fact]
    public void A_chart_table_has_a_row_per_day_a_column_per_channel_and_totals()
    {
        var day1 = new DateOnly(2026, 3, 1);
        var day2 = new DateOnly(2026, 3, 2);
        var report = new OptOutReport(day1, day2, "UTC", "day", 3,
            [new(day1, "SMS", 2), new(day1, "Email", 0), new(day2, "SMS", 0), new(day2, "Email", 1)], [], []);

        var panel = Render<OptOutChartPanel>(p => p.Add(c => c.Title, "Opt-outs by channel").Add(c => c.Table, ReportTable.ByChannel(report)));

        panel.FindAll("thead th").Select(e => e.TextContent.Trim()).Should().Equal("Day", "SMS", "Email", "Total");
        panel.FindAll("tbody tr").Select(r => string.Join(",", r.Children.Select(c => c.TextContent.Trim())))
            .Should().Equal("2026-03-01,2,0,2", "2026-03-02,0,1,1");
        string.Join(",", panel.Find("tfoot tr").Children.Select(c => c.TextContent.Trim())).Should().Be("Total,2,1,3");
    }
}
