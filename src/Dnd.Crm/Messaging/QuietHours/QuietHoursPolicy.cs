using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Microsoft.Extensions.Options;

namespace Dnd.Crm.Messaging.QuietHours;

/// <summary>Whether a marketing message may reach its recipient now, and when it may if not.</summary>
public sealed class QuietHoursPolicy(IOptions<MessagingOptions> options)
{
    /// <summary>The window of accounts that set none.</summary>
    public SendingWindow Default { get; } = options.Value.DefaultWindow;

    /// <summary>Days searched for a moment the window is open in every zone at once.</summary>
    private const int HorizonDays = 3;

    /// <summary>The sender's window (or the server's default), in the recipient's zones (or the sender's).</summary>
    /// <returns>Null when the message may leave now (transactional, quiet hours off, or inside the window).</returns>
    public QuietHoursWait? Check(ContactRecord contact, string purpose, Sender sender, DateTimeOffset now) =>
        Check(contact, purpose, sender.Window ?? Default, sender.Zone, now);

    public static QuietHoursWait? Check(ContactRecord contact, string purpose, SendingWindow window, TimeZoneInfo accountZone, DateTimeOffset now)
    {
        if (purpose != MessagePurpose.Marketing || window.IsAlways)
        {
            return null;
        }
        var zones = RecipientZones.Of(contact, accountZone);
        // Zones too far apart share no open hour (a country spanning half the globe): the account's zone decides then.
        if (NextOpening(window, zones.Zones, now) is not { } opens)
        {
            zones = new([accountZone], "the account's time zone, as the phone number's zones share no open hour");
            opens = NextOpening(window, zones.Zones, now)!.Value;
        }
        return opens <= now ? null
            : new QuietHoursWait(opens, $"{QuietHoursWait.Prefix}: the sending window {window} in {zones.Describe()} opens at {opens:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>
    /// The first moment at or after <paramref name="now"/> inside the window in every zone, or null when there is none
    /// within a few days. Such a moment is now or one zone's opening time, so only those are tried.
    /// </summary>
    public static DateTimeOffset? NextOpening(SendingWindow window, IReadOnlyList<TimeZoneInfo> zones, DateTimeOffset now)
    {
        var candidates = new List<DateTimeOffset> { now };
        foreach (var zone in zones)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            for (var day = -1; day <= HorizonDays; day++)
            {
                if (Utc(today.AddDays(day).ToDateTime(window.Opens), zone) is { } opening && opening > now)
                {
                    candidates.Add(opening);
                }
            }
        }
        candidates.Sort();
        return candidates.Cast<DateTimeOffset?>().FirstOrDefault(t => zones.All(z => window.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(t!.Value, z).DateTime))));
    }

    /// <summary>A local wall-clock time as UTC; a time skipped by a clock change opens at the first valid minute after it.</summary>
    private static DateTimeOffset? Utc(DateTime local, TimeZoneInfo zone)
    {
        for (var shift = 0; shift <= 180; shift += 30)
        {
            var at = local.AddMinutes(shift);
            if (!zone.IsInvalidTime(at))
            {
                return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(at, zone), TimeSpan.Zero);
            }
        }
        return null;
    }
}
