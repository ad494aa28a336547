using Dnd.Host.Errors;

namespace Dnd.Host.Api.Reports;

/// <summary>
/// A report's days, From to To inclusive, as the account's clock shows them: each day starts at local midnight, so a
/// line at 23:30 in New York is that day's even though it is the next day in UTC.
/// </summary>
public sealed record ReportRange(DateOnly From, DateOnly To, TimeZoneInfo Zone)
{
    public const int DefaultDays = 30;

    /// <summary>Longer ranges are reported by week.</summary>
    public const int DailyUpTo = 92;

    /// <summary>About three years: the ledger read stays bounded.</summary>
    public const int MaxDays = 1096;

    // Far inside DateTimeOffset's range, so converting a day to UTC in any zone cannot overflow.
    private static readonly DateOnly Earliest = new(1970, 1, 1);
    private static readonly DateOnly Latest = new(9000, 12, 31);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public ReportPeriod Period => Days > DailyUpTo ? ReportPeriod.Week : ReportPeriod.Day;

    /// <summary>The first instant of the range.</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first instant after the range.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    /// <summary>From and To as asked, else the last <see cref="DefaultDays"/> days up to today in the account's zone.</summary>
    /// <exception cref="ApiValidationException">422 naming the field: a date out of range, from after to, or a range too long.</exception>
    public static ReportRange Resolve(DateOnly? from, DateOnly? to, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (from is { } f && (f < Earliest || f > Latest))
        {
            errors.Add("from", $"from must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}");
        }
        if (to is { } t && (t < Earliest || t > Latest))
        {
            errors.Add("to", $"to must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}");
        }
        errors.ThrowIfAny("The report range is invalid.");
        var end = to ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var start = from ?? end.AddDays(1 - DefaultDays);
        if (start > end)
        {
            errors.Add("from", "from must not be after to");
        }
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", $"the range may span at most {MaxDays} days");
        }
        errors.ThrowIfAny("The report range is invalid.");
        return new ReportRange(start, end, zone);
    }

    /// <summary>The period an instant is counted in: its local day, or the Monday of its week (the range's first day for a week it starts within).</summary>
    public DateOnly PeriodOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
        return Period == ReportPeriod.Day ? day : Max(Monday(day), From);
    }

    /// <summary>Every period of the range, in order, each named by its first day.</summary>
    public IEnumerable<DateOnly> Periods()
    {
        for (var day = From; day <= To; day = Period == ReportPeriod.Day ? day.AddDays(1) : Monday(day).AddDays(7))
        {
            yield return day;
        }
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Local midnight, or the first local instant after it where a clock change skips midnight.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
