namespace Dnd.Host.Api.Forms;

/// <summary>The submission is recorded; its Form-submitted triggers run in the background.</summary>
/// <param name="ContactId">The contact it was filed under: the one named, or the one matched or created by email/phone.</param>
public sealed record FormSubmissionResponse(string ContactId, string FormId, bool Consent);
