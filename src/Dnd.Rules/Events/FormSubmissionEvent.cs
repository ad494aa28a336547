using Dnd.Rules.Consent;

namespace Dnd.Rules.Events;

/// <summary>The contact submitted a form; ExplicitConsent is the consent checkbox being ticked.</summary>
public sealed record FormSubmissionEvent(string FormId, bool ExplicitConsent) : ConsentEvent
{
    public override string Kind => "form.submission";
    public override Actor Actor => Actor.Form;
    public override string Source => $"form:{FormId}";
    public override string Describe() => $"{Kind} {FormId} consent={(ExplicitConsent ? "yes" : "no")}";
}
