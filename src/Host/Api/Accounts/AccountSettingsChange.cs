using System.Text.Json;
using Dnd.Crm.Consent;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// A change to the consent settings and profile, validated then merged: PUT /locations/dnd-settings/ and the operator
/// app's Settings → Compliance (keyword lists, unsubscribe scope) apply it the same way.
/// </summary>
public static class AccountSettingsChange
{
    /// <exception cref="ApiValidationException">422 naming every field at fault.</exception>
    public static (AccountSettings Settings, AccountProfile Profile) Apply(AccountSettings current, AccountProfile profile, AccountSettingsRequest body)
    {
        AccountSettingsValidation.Validate(body);
        var updated = current with
        {
            OptOutKeywords = body.OptOutKeywords?.Select(w => w.Trim()).ToList() ?? current.OptOutKeywords,
            OptInKeywords = body.OptInKeywords?.Select(w => w.Trim()).ToList() ?? current.OptInKeywords,
            KeywordChannels = body.KeywordChannels?.Select(ChannelNames.Parse).Distinct().ToList() ?? current.KeywordChannels,
            UnsubscribeScope = body.UnsubscribeScope is null ? current.UnsubscribeScope : AccountSettingsValidation.ParseScope(body.UnsubscribeScope)!.Value,
            RevocationScope = body.RevocationScope?.Select(ChannelNames.Parse).Distinct().ToList() ?? current.RevocationScope,
            OptOutPhrases = body.OptOutPhrases?.ToDictionary(p => p.Key, p => PhraseList.Parse(p.Key, p.Value.GetRawText())) ?? current.OptOutPhrases,
            TwilioErrorCodes = body.TwilioErrorCodes is { ValueKind: JsonValueKind.Array } codes
                ? codes.GetArrayLength() == 0 ? null : TwilioErrorCodes.FromEntries("twilioErrorCodes", codes.GetRawText())
                : current.TwilioErrorCodes,
            MailgunEvents = body.MailgunEvents is { ValueKind: JsonValueKind.Array } events
                ? events.GetArrayLength() == 0 ? null : MailgunEvents.FromEntries("mailgunEvents", events.GetRawText())
                : current.MailgunEvents,
            ChannelKeywords = body.ChannelKeywords?.Where(k => k.Value is not null)
                .ToDictionary(k => ChannelNames.Parse(k.Key), k => new KeywordLists(k.Value!.OptOut!.Select(w => w.Trim()), (k.Value.OptIn ?? []).Select(w => w.Trim())))
                ?? current.ChannelKeywords,
        };
        var updatedProfile = profile with
        {
            DefaultRegion = body.DefaultRegion?.Trim().ToUpperInvariant() ?? profile.DefaultRegion,
            AllowDuplicateContact = body.AllowDuplicateContact ?? profile.AllowDuplicateContact,
            SendCapPerHour = body.SendCapPerHour ?? profile.SendCapPerHour,
            FormConsentFields = body.FormConsentFields?.ToDictionary(f => f.Key.Trim(), f => f.Value.Trim()) ?? profile.FormConsentFields,
            TimeZone = body.TimeZone?.Trim() ?? profile.TimeZone,
            SendingWindow = body.SendingWindow is null ? profile.SendingWindow : body.SendingWindow.Trim().Length == 0 ? null : SendingWindow.Parse(body.SendingWindow),
        };
        return (updated, updatedProfile);
    }
}
