namespace Dnd.Shared.Telemetry;

/// <summary>
/// The one masking of addresses for logs and traces: enough to tell two apart when reading, not enough to contact
/// anyone. Phones keep their first five and last four characters ("+1555•••0101"), e-mails their first letter and
/// domain ("k•••@example.com"); anything shorter becomes "•••".
/// </summary>
public static class Redact
{
    public const string Hidden = "•••";

    public static string Address(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "";
        }
        var at = address.LastIndexOf('@');
        if (at > 0)
        {
            return address[0] + Hidden + address[at..];
        }
        return address.Length > 9 ? address[..5] + Hidden + address[^4..] : Hidden;
    }
}
