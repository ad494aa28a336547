namespace Dnd.Workflows.Runtime;

public sealed record FormSubmittedPayload(string FormId, bool ExplicitConsent);
