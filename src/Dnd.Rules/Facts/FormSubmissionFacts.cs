namespace Dnd.Rules.Facts;

public sealed record FormSubmissionFacts(bool ExplicitConsent);
