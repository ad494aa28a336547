namespace Dnd.Rules.Consent;

/// <summary>Inbound DND blocks the contact's inbound calls and messages on every channel.</summary>
public sealed record InboundDnd(bool Active, string? Message, DateTimeOffset? ChangedAt)
{
    public static InboundDnd Off { get; } = new(false, null, null);
}
