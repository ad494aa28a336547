namespace Dnd.Workflows.Triggers;

public sealed record FormSubmittedPayload(string FormId, bool ExplicitConsent);
