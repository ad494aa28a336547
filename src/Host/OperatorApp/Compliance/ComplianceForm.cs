using Dnd.Crm.Consent;
using Dnd.Host.Api.Accounts;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Host.OperatorApp.Compliance;

/// <summary>
/// What Settings → Compliance edits, read from the account and turned back into the API's own requests, so saving goes
/// through the same checks as PUT /locations/compliance/ and PUT /locations/dnd-settings/.
/// </summary>
public sealed class ComplianceForm
{
    public string? BusinessName { get; set; }
    public string? BusinessAddress { get; set; }
    public string SmsOptOutText { get; set; } = "";
    public string SmsOptOutWhen { get; set; } = "every";
    public string EmailFooter { get; set; } = "";
    public string UnsubscribeLinkText { get; set; } = "";
    public string OptOutReply { get; set; } = "";
    public bool SendOptOutConfirmation { get; set; }
    public string HelpReply { get; set; } = "";
    public List<string> OptOutKeywords { get; set; } = [];
    public List<string> OptInKeywords { get; set; } = [];

    /// <summary>The keyword-capable channels with lists of their own; the others use the account's.</summary>
    public Dictionary<Channel, (List<string> OptOut, List<string> OptIn)> ChannelKeywords { get; set; } = [];

    public UnsubscribeScope UnsubscribeScope { get; set; }

    public static ComplianceForm From(ComplianceSettings texts, AccountSettings settings) => new()
    {
        BusinessName = texts.BusinessName, BusinessAddress = texts.BusinessAddress, SmsOptOutText = texts.SmsOptOutText,
        SmsOptOutWhen = SmsOptOutWhenNames.ToWire(texts.SmsOptOutWhen), EmailFooter = texts.EmailFooter, UnsubscribeLinkText = texts.UnsubscribeLinkText,
        OptOutReply = texts.OptOutReply, SendOptOutConfirmation = texts.SendOptOutConfirmation, HelpReply = texts.HelpReply,
        OptOutKeywords = settings.OptOutKeywords.ToList(), OptInKeywords = settings.OptInKeywords.ToList(),
        ChannelKeywords = settings.ChannelKeywords.ToDictionary(k => k.Key, k => (k.Value.OptOut.ToList(), k.Value.OptIn.ToList())),
        UnsubscribeScope = settings.UnsubscribeScope,
    };

    /// <summary>The texts as PUT /locations/compliance/ takes them ("" clears the business name or address).</summary>
    public ComplianceRequest Texts() => new(BusinessName ?? "", BusinessAddress ?? "", SmsOptOutText ?? "", SmsOptOutWhen, EmailFooter ?? "",
        UnsubscribeLinkText ?? "", OptOutReply ?? "", HelpReply ?? "", SendOptOutConfirmation: SendOptOutConfirmation);

    /// <summary>The keyword lists and scope as PUT /locations/dnd-settings/ takes them (the channel map replaces the account's).</summary>
    public AccountSettingsRequest Keywords() => new(OptOutKeywords, OptInKeywords, UnsubscribeScope: UnsubscribeScope.ToString(),
        ChannelKeywords: ChannelKeywords.ToDictionary(k => k.Key.ToWire(), k => (ChannelKeywordsDto?)new ChannelKeywordsDto(k.Value.OptOut, k.Value.OptIn)));
}
