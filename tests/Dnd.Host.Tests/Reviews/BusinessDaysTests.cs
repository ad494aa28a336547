using Dnd.Crm.Reviews;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.Reviews;

/// <summary>The FCC's 10 business days: counted from the day after receipt in the account's time zone, weekends skipped.</summary>
public class BusinessDaysTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    // Received on a Wednesday: ten weekdays later is the Wednesday two weeks on.
    [InlineData("2026-11-25T15:00:00Z", "2026-12-09")]
    // A Friday: the weekend after it does not count.
    [InlineData("2026-11-27T15:00:00Z", "2026-12-11")]
    // A Saturday counts from Monday: its deadline is the Friday of the second week.
    [InlineData("2026-11-28T15:00:00Z", "2026-12-11")]
    // 03:00 UTC on a Thursday is still Wednesday evening in New York.
    [InlineData("2026-11-26T03:00:00Z", "2026-12-09")]
    public void The_deadline_is_the_end_of_the_tenth_weekday_after_receipt_in_the_accounts_zone(string received, string lastDay)
    {
        var deadline = BusinessDays.Deadline(DateTimeOffset.Parse(received), NewYork);

        var local = TimeZoneInfo.ConvertTime(deadline, NewYork);
        DateOnly.FromDateTime(local.DateTime).Should().Be(DateOnly.Parse(lastDay));
        local.TimeOfDay.Should().BeGreaterThan(new TimeSpan(23, 59, 59), "the whole last day is allowed");
    }

    [Fact]
    public void Daylight_saving_changes_inside_the_period_keep_the_deadline_at_local_midnight()
    {
        // US clocks go back on 1 November 2026.
        var deadline = BusinessDays.Deadline(DateTimeOffset.Parse("2026-10-28T14:00:00Z"), NewYork);

        deadline.Offset.Should().Be(TimeSpan.FromHours(-5));
        TimeZoneInfo.ConvertTime(deadline, NewYork).Date.Should().Be(new DateTime(2026, 11, 11));
    }

    [Fact]
    public void Days_left_count_down_to_zero_on_the_last_day_and_go_negative_after()
    {
        var received = DateTimeOffset.Parse("2026-11-25T15:00:00Z");
        var deadline = BusinessDays.Deadline(received, NewYork);

        BusinessDays.Left(received, deadline, NewYork).Should().Be(10);
        BusinessDays.Left(DateTimeOffset.Parse("2026-12-09T15:00:00Z"), deadline, NewYork).Should().Be(0);
        BusinessDays.Left(DateTimeOffset.Parse("2026-12-11T15:00:00Z"), deadline, NewYork).Should().Be(-2);
    }

    [Fact]
    public void Every_deadline_is_ten_weekdays_on_and_never_on_a_weekend() =>
        Prop.ForAll(Gen.Choose(0, 365 * 24 * 4).ToArbitrary(), quarterHours =>
        {
            var received = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(15 * quarterHours);
            var deadline = BusinessDays.Deadline(received, NewYork);
            var last = TimeZoneInfo.ConvertTime(deadline, NewYork).DayOfWeek;
            var weekdays = 0;
            for (var day = TimeZoneInfo.ConvertTime(received, NewYork).Date.AddDays(1); day <= TimeZoneInfo.ConvertTime(deadline, NewYork).Date; day = day.AddDays(1))
            {
                weekdays += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
            }
            return last is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && weekdays == 10 && deadline > received;
        }).QuickCheckThrowOnFailure();
}
