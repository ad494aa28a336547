namespace Dnd.Rules.Consent;

/// <summary>The wire names HighLevel's API uses for channels ("SMS", "FB", ...).</summary>
public static class ChannelNames
{
    public static IReadOnlyList<Channel> All { get; } = Enum.GetValues<Channel>();

    public static string ToWire(this Channel channel) => channel switch
    {
        Channel.Call => "Call",
        Channel.Email => "Email",
        Channel.Sms => "SMS",
        Channel.WhatsApp => "WhatsApp",
        Channel.Fb => "FB",
        Channel.Gmb => "GMB",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>SMS, Call and WhatsApp reach a phone, Email an email address; consent on them follows that address.</summary>
    public static AddressKind Address(this Channel channel) => channel switch
    {
        Channel.Sms or Channel.Call or Channel.WhatsApp => AddressKind.Phone,
        Channel.Email => AddressKind.Email,
        _ => AddressKind.None,
    };

    public static bool TryParse(string? name, out Channel channel)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }
        channel = default;
        return false;
    }

    public static Channel Parse(string? name) =>
        TryParse(name, out var channel)
            ? channel
            : throw new ArgumentException($"Unknown channel '{name}'. Expected one of: {string.Join(", ", All.Select(c => c.ToWire()))}.", nameof(name));
}
