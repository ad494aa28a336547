namespace Dnd.Host.Api.Forms;

/// <summary>A form submission: identify the contact by id, or by email/phone (created when new); consent is the checkbox.</summary>
public sealed record FormSubmissionRequest(string? ContactId, string? Email, string? Phone, string? FirstName, string? LastName, bool Consent);
