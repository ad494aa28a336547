namespace Dnd.Host.Api.Accounts;

/// <summary>
/// The account's compliance texts (the CRM's business profile). A field left out keeps its value; "" clears the
/// business name (back to the account's name) or address. Texts are Scriban templates over account and contact.
/// </summary>
/// <param name="SmsOptOutWhen">every (the default), first (the first SMS to a contact) or never.</param>
/// <param name="Language">The language of the pages a contact opens (the preference center): en (the default) or es.</param>
/// <param name="SendOptOutConfirmation">Answer a text opt-out with optOutReply, once and within 5 minutes (on by default); off, nothing is sent after it.</param>
public sealed record ComplianceRequest(
    string? BusinessName = null,
    string? BusinessAddress = null,
    string? SmsOptOutText = null,
    string? SmsOptOutWhen = null,
    string? EmailFooter = null,
    string? UnsubscribeLinkText = null,
    string? OptOutReply = null,
    string? HelpReply = null,
    string? UnsubscribePageText = null,
    string? UnsubscribedPageText = null,
    string? LocationId = null,
    bool? SendOptOutConfirmation = null,
    string? Language = null);
