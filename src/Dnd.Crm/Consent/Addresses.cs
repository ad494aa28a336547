using PhoneNumbers;

namespace Dnd.Crm.Consent;

/// <summary>
/// The one way addresses are normalized, so DND recorded for "(555) 010-2000" is found for Twilio's "+15550102000":
/// phones to E.164 with libphonenumber in the account's default region, emails trimmed and lower-cased.
/// </summary>
public static class Addresses
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <returns>E.164, or null when the text is not a phone number. "Possible" is enough (CRMs keep fictional 555
    /// numbers); only unparseable numbers or impossible lengths are refused.</returns>
    public static string? Phone(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 64)
        {
            return null;
        }
        try
        {
            var number = Phones.Parse(raw.Trim(), defaultRegion.ToUpperInvariant());
            return Phones.IsPossibleNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? Email(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToLowerInvariant();

    /// <summary>Whether libphonenumber knows the region code (for validating an account's default region).</summary>
    public static bool IsRegion(string? region) =>
        region is not null && Phones.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());
}
