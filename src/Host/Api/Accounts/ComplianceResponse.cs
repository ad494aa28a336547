using Dnd.Crm.Consent;

namespace Dnd.Host.Api.Accounts;

/// <summary>The account's compliance texts as they stand (defaults where it set none), with the business name its messages use.</summary>
public sealed record ComplianceResponse(
    string BusinessName,
    string BusinessAddress,
    string SmsOptOutText,
    string SmsOptOutWhen,
    string EmailFooter,
    string UnsubscribeLinkText,
    string OptOutReply,
    string HelpReply,
    string UnsubscribePageText,
    string UnsubscribedPageText,
    bool SendOptOutConfirmation,
    string Language)
{
    public static ComplianceResponse From(Sender sender) => new(sender.Account.BusinessName, sender.Account.BusinessAddress, sender.Texts.SmsOptOutText,
        SmsOptOutWhenNames.ToWire(sender.Texts.SmsOptOutWhen), sender.Texts.EmailFooter, sender.Texts.UnsubscribeLinkText, sender.Texts.OptOutReply,
        sender.Texts.HelpReply, sender.Texts.UnsubscribePageText, sender.Texts.UnsubscribedPageText, sender.Texts.SendOptOutConfirmation,
        sender.Texts.Language);
}
