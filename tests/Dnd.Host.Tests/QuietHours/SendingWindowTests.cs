using Dnd.Crm.Consent;
using Dnd.Crm.Messaging.QuietHours;
using Dnd.Crm.Persistence;
using FsCheck;
using FsCheck.Fluent;

namespace Dnd.Host.Tests.QuietHours;

/// <summary>Quiet hours: a marketing message reaches its recipient only inside the sending window of every zone they may be in.</summary>
public class SendingWindowTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static readonly TimeZoneInfo[] Pool = new[]
        {
         "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
         "Europe/Madrid", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "UTC",
        }.Select(Zone).ToArray();

    private static ContactRecord Contact(string? phone = null, string? zone = null) =>
        new() { Id = "c", AccountId = "a", Phone = phone, TimeZone = zone };

    [Theory]
    [InlineData("08:00-21:00", "08:00-21:00")]
    [InlineData(" 22:00 - 06:30 ", "22:00-06:30")]
    [InlineData("ALWAYS", "always")]
    [InlineData("8:00-21:00", null)]
    [InlineData("08:00-08:00", null)]
    [InlineData("25:00-26:00", null)]
    [InlineData("08:00", null)]
    [InlineData("", null)]
    public void A_window_reads_as_hours_or_always(string text, string? read) =>
        SendingWindow.Parse(text)?.ToString().Should().Be(read);

    [Fact]
    public void A_window_may_cross_midnight()
    {
        var night = SendingWindow.Parse("22:00-06:00")!;

        night.Contains(new TimeOnly(23, 0)).Should().BeTrue();
        night.Contains(new TimeOnly(5, 59)).Should().BeTrue();
        night.Contains(new TimeOnly(6, 0)).Should().BeFalse();
        night.Contains(new TimeOnly(12, 0)).Should().BeFalse();
    }

    [Theory]
    [InlineData("+12125550100", "America/New_York")]
    [InlineData("+14155550100", "America/Los_Angeles")]
    [InlineData("+34911234567", "Europe/Madrid")]
    public void A_phone_number_tells_the_zone(string phone, string zone) =>
        RecipientZones.Of(Contact(phone), TimeZoneInfo.Utc).Zones.Select(z => z.Id).Should().Equal(zone);

    [Fact]
    public void The_contacts_own_zone_wins_and_an_unknown_number_falls_back_to_the_account()
    {
        RecipientZones.Of(Contact("+12125550100", "Europe/Madrid"), TimeZoneInfo.Utc).Zones.Select(z => z.Id).Should().Equal("Europe/Madrid");
        var fictional = RecipientZones.Of(Contact("+15555550100"), Zone("America/Chicago"));
        fictional.Zones.Select(z => z.Id).Should().Equal("America/Chicago");
        fictional.Source.Should().Be("the account's time zone");
    }

    [Fact]
    public void At_two_in_the_morning_in_new_york_marketing_waits_until_eight_and_says_why()
    {
        // 07:00 UTC on 26 November 2026 is 02:00 in New York (EST, UTC-5).
        var wait = QuietHoursPolicy.Check(Contact("+12125550100"), MessagePurpose.Marketing, SendingWindow.Default, TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T07:00:00Z"))!;

        wait.NotBefore.Should().Be(DateTimeOffset.Parse("2026-11-26T13:00:00Z"));
        wait.Reason.Should().StartWith("waiting for quiet hours to end").And.Contain("America/New_York (from the phone number)");
        QuietHoursPolicy.Check(Contact("+12125550100"), MessagePurpose.Transactional, SendingWindow.Default, TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T07:00:00Z")).Should().BeNull("transactional messages are exempt");
        QuietHoursPolicy.Check(Contact("+12125550100"), MessagePurpose.Marketing, SendingWindow.Always, TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T07:00:00Z")).Should().BeNull("'always' is no quiet hours");
        QuietHoursPolicy.Check(Contact("+12125550100"), MessagePurpose.Marketing, SendingWindow.Default, TimeZoneInfo.Utc,
            DateTimeOffset.Parse("2026-11-26T15:00:00Z")).Should().BeNull("10:00 in New York is inside");
    }

    [Fact]
    public void A_clock_change_night_opens_at_eight_local()
    {
        // US clocks go forward at 02:00 on 8 March 2026: 08:00 EDT is 12:00 UTC.
        QuietHoursPolicy.NextOpening(SendingWindow.Default, [Zone("America/New_York")], DateTimeOffset.Parse("2026-03-08T05:00:00Z"))
            .Should().Be(DateTimeOffset.Parse("2026-03-08T12:00:00Z"));
    }

    [Fact]
    public void The_opening_is_inside_the_window_in_every_zone_and_no_earlier_quarter_hour_is() =>
        Prop.ForAll(Gen.Choose(0, 365 * 24 * 4).ToArbitrary(), Gen.SubListOf(Pool).Where(z => z.Count is > 0 and <= 3).ToArbitrary(),
            Gen.Elements(SendingWindow.Default, SendingWindow.Parse("09:00-17:30")!, SendingWindow.Parse("20:00-02:00")!).ToArbitrary(),
            (quarterHours, zones, window) =>
            {
                var now = new DateTimeOffset(2026, 1, 1, 0, 7, 0, TimeSpan.Zero).AddMinutes(15 * quarterHours);
                bool Open(DateTimeOffset t) => zones.All(z => window.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, z).DateTime)));
                var opens = QuietHoursPolicy.NextOpening(window, zones.ToList(), now);
                if (opens is null)
                {
                    // None within the horizon: then no quarter hour in the next three days is open everywhere.
                    return Enumerable.Range(0, 3 * 24 * 4).All(q => !Open(now.AddMinutes(15 * q)));
                }
                var earlier = Enumerable.Range(0, 3 * 24 * 4).Select(q => now.AddMinutes(15 * q)).TakeWhile(t => t < opens.Value);
                return opens.Value >= now && Open(opens.Value) && !earlier.Any(Open);
            }).QuickCheckThrowOnFailure();
}
