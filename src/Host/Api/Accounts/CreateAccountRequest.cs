using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Accounts;

/// <param name="Id">Letters, digits, '-' and '_': it appears in webhook URLs.</param>
/// <param name="TwilioAuthToken">Checks X-Twilio-Signature on this account's Twilio webhooks.</param>
/// <param name="MailgunSigningKey">Checks the signature on this account's Mailgun webhooks.</param>
public sealed record CreateAccountRequest(string? Id, string? Name, string? TwilioAuthToken = null, string? MailgunSigningKey = null)
{
    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public void Validate()
    {
        var errors = new FieldErrors().Required("id", Id);
        if (!string.IsNullOrWhiteSpace(Id) && (Id.Length > ApiLimits.AccountIdLength || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors.Add("id", $"id must be 1 to {ApiLimits.AccountIdLength} letters, digits, '-' or '_'");
        }
        errors.Required("name", Name).MaxLength("name", Name, ApiLimits.NameLength)
            .MaxLength("twilioAuthToken", TwilioAuthToken, ApiLimits.TextLength)
            .MaxLength("mailgunSigningKey", MailgunSigningKey, ApiLimits.TextLength)
            .ThrowIfAny("The account is invalid.");
    }
}
