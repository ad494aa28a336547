namespace Dnd.Activities.Triggers;

/// <param name="ClientIp">The submitter's IP address, carried to the ledger line the workflow writes.</param>
public sealed record FormSubmittedPayload(string FormId, bool ExplicitConsent, string? ClientIp = null);
