using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>
/// The contact used one of our unsubscribe links: an email's (RFC 8058 one-click or the page), or an SMS's short link,
/// whose page stops that channel or, when <paramref name="Everything"/>, every channel.
/// </summary>
public sealed record UnsubscribeLinkEvent(string MessageId, Channel LinkChannel = Channel.Email, bool Everything = false) : ConsentEvent
{
    public override string Kind => "unsubscribe.link";
    public override Actor Actor => Actor.Contact;
    public override string Source => "unsubscribe-link";
    public override string Describe() => $"{Kind} {LinkChannel.ToWire()}{(Everything ? " everything" : "")} message={MessageId}";
}
