using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>Mailgun's event webhook payload: event (failed, unsubscribed, complained, ...), severity and reason.</summary>
public sealed record MailgunEvent(string Event, string? Severity = null, string? Reason = null) : ConsentEvent
{
    public override string Kind => "mailgun.event";
    public override Actor Actor => Actor.Provider;
    public override string Source => "mailgun";
    public override string Describe() => $"{Kind} {Event} severity={Severity ?? "none"} reason={Reason ?? "none"}";
}
