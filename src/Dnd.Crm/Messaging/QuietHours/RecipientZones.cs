using Dnd.Crm.Persistence;
using PhoneNumbers;

namespace Dnd.Crm.Messaging.QuietHours;

/// <summary>The time zones a recipient may be in, and where that came from (said in the message's status).</summary>
public sealed record RecipientZones(IReadOnlyList<TimeZoneInfo> Zones, string Source)
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper PhoneZones = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <summary>
    /// The contact's own time zone; else every zone its phone number may be in (libphonenumber maps area codes, and a
    /// number that spans several zones waits until the window is open in all of them); else the account's.
    /// </summary>
    public static RecipientZones Of(ContactRecord contact, TimeZoneInfo accountZone)
    {
        if (contact.TimeZone is { Length: > 0 } own && TimeZoneInfo.TryFindSystemTimeZoneById(own, out var zone))
        {
            return new([zone], "the contact's time zone");
        }
        if (FromPhone(contact.Phone) is { Count: > 0 } zones)
        {
            return new(zones, "the phone number");
        }
        return new([accountZone], "the account's time zone");
    }

    /// <returns>The zones libphonenumber gives the number, all of them known here; empty when it knows none.</returns>
    public static IReadOnlyList<TimeZoneInfo> FromPhone(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return [];
        }
        try
        {
            var ids = PhoneZones.GetTimeZonesForNumber(Phones.Parse(e164, null));
            var zones = new List<TimeZoneInfo>(ids.Count);
            foreach (var id in ids)
            {
                if (id == PhoneZones.GetUnknownTimeZone() || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                {
                    return [];
                }
                zones.Add(zone);
            }
            return zones;
        }
        catch (NumberParseException)
        {
            return [];
        }
    }

    public string Describe() => $"{string.Join(", ", Zones.Select(z => z.Id))} (from {Source})";
}
