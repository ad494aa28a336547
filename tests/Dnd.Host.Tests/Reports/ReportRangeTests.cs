using Dnd.Host.Api.Reports;
using Dnd.Host.Errors;

namespace Dnd.Host.Tests.Reports;

/// <summary>A report's days are the account's: they start at its midnight, and long ranges are cut by week.</summary>
public class ReportRangeTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_late_evening_in_New_York_is_that_day_though_UTC_has_moved_on()
    {
        var range = new ReportRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), NewYork);

        range.Start.Should().Be(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), "midnight in New York is 05:00 UTC in winter");
        range.PeriodOf(new DateTimeOffset(2026, 3, 2, 3, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 3, 1));
        range.PeriodOf(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 3, 2));
        range.End.Should().Be(new DateTimeOffset(2026, 3, 3, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void The_default_is_the_last_30_days_up_to_today_in_the_account_zone()
    {
        // 02:00 UTC on 10 March is still 9 March in New York.
        var range = ReportRange.Resolve(null, null, NewYork, new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

        range.To.Should().Be(new DateOnly(2026, 3, 9));
        range.From.Should().Be(new DateOnly(2026, 2, 8));
        range.Days.Should().Be(30);
        range.Period.Should().Be(ReportPeriod.Day);
        range.Periods().Should().HaveCount(30);
    }

    [Fact]
    public void A_long_range_is_cut_into_weeks_from_Monday_the_first_starting_on_the_range_first_day()
    {
        var range = new ReportRange(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), TimeZoneInfo.Utc);

        range.Period.Should().Be(ReportPeriod.Week);
        var periods = range.Periods().ToList();
        periods[0].Should().Be(new DateOnly(2026, 1, 1));
        periods[1].Should().Be(new DateOnly(2026, 1, 5), "the second week starts on Monday");
        periods.Skip(1).Should().OnlyContain(p => p.DayOfWeek == DayOfWeek.Monday);
        range.PeriodOf(new DateTimeOffset(2026, 1, 3, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 1, 1));
        range.PeriodOf(new DateTimeOffset(2026, 1, 11, 12, 0, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 1, 5));
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-01", "from")]
    [InlineData("2020-01-01", "2026-01-01", "to")]
    [InlineData("0001-01-01", "2026-01-01", "from")]
    [InlineData("2026-01-01", "9999-12-31", "to")]
    public void A_bad_range_is_a_422_naming_the_field(string from, string to, string field)
    {
        var act = () => ReportRange.Resolve(DateOnly.Parse(from), DateOnly.Parse(to), TimeZoneInfo.Utc, DateTimeOffset.UtcNow);

        act.Should().Throw<ApiValidationException>().Which.Fields.Should().Contain(field);
    }
}
