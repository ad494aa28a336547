using Dnd.Host.Api.Reports;

namespace Dnd.Host.OperatorApp.Reports;

/// <summary>
/// One of the report's tables laid out for the screen: a row per period, a column per channel (or source), and a total.
/// The chart draws the same numbers, so the table is its text alternative.
/// </summary>
public sealed record ReportTable(IReadOnlyList<DateOnly> Periods, IReadOnlyList<string> Columns, int[][] Values)
{
    public int RowTotal(int row) => Values[row].Sum();

    public int ColumnTotal(int column) => Values.Sum(v => v[column]);

    public int Total => Values.Sum(v => v.Sum());

    public static ReportTable ByChannel(OptOutReport report) =>
        Pivot(report.ByChannel.Select(r => (r.Period, r.Channel, r.OptOuts)));

    public static ReportTable BySource(OptOutReport report) =>
        Pivot(report.BySource.Select(r => (r.Period, r.Label, r.OptOuts)));

    /// <summary>The API's rows (every period by every column, in order) as a grid.</summary>
    private static ReportTable Pivot(IEnumerable<(DateOnly Period, string Column, int Count)> rows)
    {
        var list = rows.ToList();
        var periods = list.Select(r => r.Period).Distinct().ToList();
        var columns = list.Select(r => r.Column).Distinct().ToList();
        var values = periods.Select(_ => new int[columns.Count]).ToArray();
        foreach (var (period, column, count) in list)
        {
            values[periods.IndexOf(period)][columns.IndexOf(column)] = count;
        }
        return new ReportTable(periods, columns, values);
    }
}
