namespace Dnd.Host.Api.Contacts;

/// <summary>
/// Normalizes phone numbers so a contact saved as "(555) 010-2000" matches Twilio's "+15550102000" webhook.
/// Ten-digit numbers are taken as North American (the CRM's home market); anything else keeps its own country code.
/// </summary>
public static class PhoneNumbers
{
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var trimmed = raw.Trim();
        var digits = new string(trimmed.Where(char.IsDigit).ToArray());
        if (trimmed.Any(c => !char.IsDigit(c) && c is not ('+' or ' ' or '-' or '(' or ')' or '.')) || digits.Length is < 7 or > 15)
        {
            return null;
        }
        if (trimmed.StartsWith('+'))
        {
            return "+" + digits;
        }
        return digits.Length == 10 ? "+1" + digits : digits.Length == 11 && digits[0] == '1' ? "+" + digits : "+" + digits;
    }
}
