using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>A message the contact sent us; a lone keyword in it opts out or back in.</summary>
public sealed record InboundMessageEvent(Channel Channel, string Body) : ConsentEvent
{
    public override string Kind => "inbound.message";
    public override Actor Actor => Actor.Contact;
    public override string Source => $"inbound:{Channel.ToWire()}";
    public override string Describe() => $"{Kind} {Channel.ToWire()} \"{Truncate(Body, 40)}\"";

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
