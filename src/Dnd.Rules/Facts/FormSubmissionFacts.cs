namespace Dnd.Rules.Facts;

public sealed record FormSubmissionFacts(string FormId, bool ExplicitConsent);
