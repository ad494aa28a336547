namespace Dnd.Rules.Consent;

/// <summary>Outbound channels a contact can be put on Do-Not-Disturb for.</summary>
public enum Channel
{
    Call,
    Email,
    Sms,
    WhatsApp,
    Fb,
    Gmb,
}
