using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>Twilio's message status callback (MessageStatus, ErrorCode).</summary>
public sealed record TwilioSmsStatusEvent(string MessageStatus, string? ErrorCode) : ConsentEvent
{
    public override string Kind => "twilio.sms-status";
    public override Actor Actor => Actor.Provider;
    public override string Source => "twilio";
    public override string Describe() => $"{Kind} {MessageStatus} ErrorCode={ErrorCode ?? "none"}";
}
