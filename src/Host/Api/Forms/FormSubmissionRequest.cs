using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Forms;

/// <summary>A form submission: identify the contact by id, or by email/phone (created when new); consent is the checkbox.</summary>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record FormSubmissionRequest(string? ContactId = null, string? Email = null, string? Phone = null, string? FirstName = null,
    string? LastName = null, bool Consent = false, string? LocationId = null)
{
    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public void Validate(string formId) => new FieldErrors()
        .MaxLength("formId", formId, ApiLimits.NameLength)
        .MaxLength("contactId", ContactId, ApiLimits.TextLength)
        .MaxLength("email", Email, ApiLimits.EmailLength)
        .MaxLength("phone", Phone, ApiLimits.PhoneLength)
        .MaxLength("firstName", FirstName, ApiLimits.NameLength)
        .MaxLength("lastName", LastName, ApiLimits.NameLength)
        .ThrowIfAny("The form submission is invalid.");
}
