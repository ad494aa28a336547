namespace Dnd.Activities.Triggers;

public sealed record FormSubmittedPayload(string FormId, bool ExplicitConsent);
