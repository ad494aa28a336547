namespace Dnd.Crm.Reviews;

/// <summary>
/// The FCC's clock for honouring a revocation: 10 business days from receipt, counted in the account's time zone with
/// Saturdays and Sundays excluded. Public holidays are not excluded, so the deadline is never later than the law's.
/// </summary>
public static class BusinessDays
{
    public const int RevocationDays = 10;

    /// <summary>The last moment of the <paramref name="days"/>th business day after the day it was received (local time), in UTC.</summary>
    public static DateTimeOffset Deadline(DateTimeOffset receivedAt, TimeZoneInfo zone, int days = RevocationDays)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime);
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }
        // A millisecond before midnight: every store keeps it exactly (SQLite here keeps 100 µs, PostgreSQL 1 µs).
        var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue).AddMilliseconds(-1);
        return new DateTimeOffset(endOfDay, zone.GetUtcOffset(endOfDay));
    }

    /// <summary>Business days from <paramref name="now"/> to the deadline's day (0 on the day itself, negative once past).</summary>
    public static int Left(DateTimeOffset now, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deadline, zone).DateTime);
        var (from, to, sign) = today <= last ? (today, last, 1) : (last, today, -1);
        var count = 0;
        for (var day = from; day < to; day = day.AddDays(1))
        {
            if (day.AddDays(1).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }
        return sign * count;
    }
}
