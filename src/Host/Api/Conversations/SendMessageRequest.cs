using Dnd.Crm.Persistence;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;

namespace Dnd.Host.Api.Conversations;

/// <summary>
/// HighLevel's send-message body (SendMessageBodyDto): type is SMS, Email, WhatsApp, FB, GMB or Call. It carries no
/// locationId: the contact says whose message it is.
/// </summary>
/// <param name="Purpose">
/// marketing (the default) or transactional: marketing is held, not sent, while a possible opt-out on the channel waits
/// for staff review. Not HighLevel's; DND stops both.
/// </param>
public sealed record SendMessageRequest(string? Type, string? ContactId, string? Message = null, string? Subject = null, string? Html = null,
    string? Purpose = null)
{
    /// <summary>The purpose named, marketing when none is.</summary>
    public string PurposeOrDefault => Purpose?.Trim().ToLowerInvariant() ?? MessagePurpose.Marketing;

    /// <summary>The channel and the text to render (html before message for email).</summary>
    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public (Channel Channel, string Text) Validate()
    {
        var errors = new FieldErrors();
        var isChannel = ChannelNames.TryParse(Type, out var channel);
        if (!isChannel)
        {
            // The value is not echoed: it may be anything, of any length.
            errors.Add("type", $"type must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        errors.Required("contactId", ContactId).MaxLength("contactId", ContactId, ApiLimits.TextLength);
        if (isChannel && channel == Channel.Email)
        {
            if (string.IsNullOrWhiteSpace(Html) && string.IsNullOrWhiteSpace(Message))
            {
                errors.Add("html", "html or message is required");
            }
            errors.MaxBytes("html", Html, ApiLimits.EmailBodyBytes).MaxBytes("message", Message, ApiLimits.EmailBodyBytes)
                .MaxLength("subject", Subject, ApiLimits.SubjectLength);
        }
        else
        {
            errors.Required("message", Message).MaxLength("message", Message, ApiLimits.SmsCharacters);
        }
        if (!MessagePurpose.Chosen.Contains(PurposeOrDefault))
        {
            errors.Add("purpose", $"purpose must be {string.Join(" or ", MessagePurpose.Chosen)}");
        }
        errors.ThrowIfAny("The message is invalid.");
        return (channel, channel == Channel.Email && !string.IsNullOrWhiteSpace(Html) ? Html! : Message!);
    }
}
