namespace Dnd.Rules.Consent;

/// <summary>How a contact gave the consent a user records to lift a permanent DND.</summary>
public enum ConsentMethod
{
    Written,
    WebForm,
    VerbalRecording,
    Other,
}
