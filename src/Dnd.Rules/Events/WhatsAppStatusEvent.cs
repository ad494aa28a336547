using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>WhatsApp Cloud API's report on a message we sent (statuses[]: status, and errors[].code when failed), or Meta's refusal of a send.</summary>
public sealed record WhatsAppStatusEvent(string Status, string? ErrorCode) : ConsentEvent
{
    public override string Kind => "meta.whatsapp-status";
    public override Actor Actor => Actor.Provider;
    public override string Source => "meta";
    public override string Describe() => $"{Kind} {Status} code={ErrorCode ?? "none"}";
}
