namespace Dnd.Crm.Messaging.QuietHours;

/// <summary>A marketing message that must wait for the recipient's sending window: until when, and why in words.</summary>
public sealed record QuietHoursWait(DateTimeOffset NotBefore, string Reason)
{
    public const string Prefix = "waiting for quiet hours to end";
}
