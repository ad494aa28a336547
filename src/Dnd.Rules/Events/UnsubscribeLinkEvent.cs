using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>The contact used our own email unsubscribe link (RFC 8058 one-click or the page).</summary>
public sealed record UnsubscribeLinkEvent(string MessageId) : ConsentEvent
{
    public override string Kind => "unsubscribe.link";
    public override Actor Actor => Actor.Contact;
    public override string Source => "unsubscribe-link";
    public override string Describe() => $"{Kind} message={MessageId}";
}
