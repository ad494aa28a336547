using Dnd.Crm.Consent;
using Dnd.Crm.Templates;
using Dnd.Host.Errors;
using Dnd.Host.Limits;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// What a change to the compliance texts may say, and the texts it leaves: PUT /locations/compliance/ and the operator
/// app's Settings → Compliance apply it the same way (every template checked, a bad one named with its line and column).
/// </summary>
public static class ComplianceChange
{
    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public static ComplianceSettings Apply(ComplianceSettings current, ComplianceRequest body)
    {
        var errors = new FieldErrors()
            .MaxLength("businessName", body.BusinessName, ApiLimits.NameLength).MaxLength("businessAddress", body.BusinessAddress, ApiLimits.TextLength);
        var when = body.SmsOptOutWhen is null ? current.SmsOptOutWhen : SmsOptOutWhenNames.Parse(body.SmsOptOutWhen);
        if (when is null)
        {
            errors.Add("smsOptOutWhen", $"smsOptOutWhen must be one of {SmsOptOutWhenNames.Listed}");
        }
        var language = body.Language is null ? current.Language : PageLanguages.Parse(body.Language);
        if (language is null)
        {
            errors.Add("language", $"language must be one of {PageLanguages.Listed}");
        }
        var updated = current with
        {
            BusinessName = body.BusinessName is null ? current.BusinessName : Blank(body.BusinessName),
            BusinessAddress = body.BusinessAddress is null ? current.BusinessAddress : Blank(body.BusinessAddress),
            SmsOptOutText = body.SmsOptOutText ?? current.SmsOptOutText,
            SmsOptOutWhen = when ?? current.SmsOptOutWhen,
            EmailFooter = body.EmailFooter ?? current.EmailFooter,
            UnsubscribeLinkText = body.UnsubscribeLinkText ?? current.UnsubscribeLinkText,
            OptOutReply = body.OptOutReply ?? current.OptOutReply,
            SendOptOutConfirmation = body.SendOptOutConfirmation ?? current.SendOptOutConfirmation,
            HelpReply = body.HelpReply ?? current.HelpReply,
            UnsubscribePageText = body.UnsubscribePageText ?? current.UnsubscribePageText,
            UnsubscribedPageText = body.UnsubscribedPageText ?? current.UnsubscribedPageText,
            Language = language ?? current.Language,
        };
        foreach (var (field, text) in updated.Templates)
        {
            errors.MaxLength(field, text, ApiLimits.TextLength);
            foreach (var problem in TemplateRenderer.Validate(text))
            {
                errors.Add(field, $"{field}: {problem}");
            }
        }
        // A contact must always be told how to stop: only "never" (the account writes it into its messages) goes without.
        if (updated.SmsOptOutWhen != SmsOptOutWhen.Never && string.IsNullOrWhiteSpace(updated.SmsOptOutText))
        {
            errors.Add("smsOptOutText", "smsOptOutText cannot be empty unless smsOptOutWhen is never");
        }
        foreach (var (field, text) in new[] { ("unsubscribeLinkText", updated.UnsubscribeLinkText), ("optOutReply", updated.OptOutReply), ("helpReply", updated.HelpReply) })
        {
            errors.Required(field, text);
        }
        errors.ThrowIfAny("The compliance texts are invalid; nothing was changed.");
        return updated;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
