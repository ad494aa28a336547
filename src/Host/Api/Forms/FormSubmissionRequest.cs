using System.Text.Json;
using System.Text.Json.Serialization;
using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Forms;

/// <summary>
/// A form submission: identify the contact by id, or by email/phone (created when new). The consent checkbox is the
/// field the account names for the form (<c>consent</c> unless it says otherwise), checked only when it is true.
/// </summary>
/// <param name="LocationId">Optional, as in HighLevel's bodies; when given it must be the API key's own location.</param>
public sealed record FormSubmissionRequest(string? ContactId = null, string? Email = null, string? Phone = null, string? FirstName = null,
    string? LastName = null, bool Consent = false, string? LocationId = null)
{
    public const string DefaultConsentField = "consent";

    /// <summary>The form's other fields, among them a consent field the account named.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; init; }

    /// <summary>Whether the consent field is there and true: JSON true, or a checkbox's "true", "yes", "on" or "1".</summary>
    public bool ConsentIn(string field) =>
        field == DefaultConsentField ? Consent
        : Fields?.GetValueOrDefault(field) is { } value && (value.ValueKind == JsonValueKind.True ||
            value.ValueKind == JsonValueKind.String && value.GetString()?.Trim().ToLowerInvariant() is "true" or "yes" or "on" or "1");

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
