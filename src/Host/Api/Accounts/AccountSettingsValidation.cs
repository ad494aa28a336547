using Dnd.Host.Errors;
using Dnd.Host.Limits;
using System.Text.Json;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Crm.Consent;

namespace Dnd.Host.Api.Accounts;

/// <summary>What a settings update may say: keyword lists that keep the opt-out floor, channel and scope names only.</summary>
public static partial class AccountSettingsValidation
{
    /// <exception cref="ApiValidationException">422 naming every field at fault; nothing is saved.</exception>
    public static void Validate(AccountSettingsRequest body)
    {
        var errors = new FieldErrors();
        KeywordPair(errors, "", body.OptOutKeywords, body.OptInKeywords);
        foreach (var (name, lists) in body.ChannelKeywords ?? [])
        {
            var field = $"channelKeywords.{name}";
            if (!ChannelNames.TryParse(name, out var channel) || !AccountSettings.KeywordCapableChannels.Contains(channel))
            {
                errors.Add(field, $"{field}: keywords arrive only on {string.Join(", ", AccountSettings.KeywordCapableChannels.Select(c => c.ToWire()))}");
            }
            else if (lists is not null)
            {
                errors.Required($"{field}.optOut", lists.OptOut);
                KeywordPair(errors, $"{field}.", lists.OptOut, lists.OptIn);
            }
        }
        errors.MaxCount("formConsentFields", body.FormConsentFields, ApiLimits.KeywordsPerList);
        foreach (var (form, field) in body.FormConsentFields ?? [])
        {
            if (string.IsNullOrWhiteSpace(form) || form.Length > ApiLimits.NameLength || string.IsNullOrWhiteSpace(field) || field.Length > ApiLimits.NameLength)
            {
                errors.Add($"formConsentFields.{form}", $"formConsentFields: a form id and its consent field must each be 1 to {ApiLimits.NameLength} characters");
            }
        }
        errors.MaxCount("keywordChannels", body.KeywordChannels, ChannelNames.All.Count);
        if (body.KeywordChannels?.Any(c => !ChannelNames.TryParse(c, out _)) == true)
        {
            errors.Add("keywordChannels", $"keywordChannels may only name channels: {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        if (body.UnsubscribeScope is not null && ParseScope(body.UnsubscribeScope) is null)
        {
            errors.Add("unsubscribeScope", $"unsubscribeScope must be {string.Join(" or ", Enum.GetNames<UnsubscribeScope>())}");
        }
        if (body.TimeZone is not null && (body.TimeZone.Length > ApiLimits.NameLength || !TimeZoneInfo.TryFindSystemTimeZoneById(body.TimeZone.Trim(), out _)))
        {
            errors.Add("timeZone", "timeZone must be an IANA time zone id, e.g. America/New_York or Europe/Madrid");
        }
        if (body.SendingWindow is { } window && window.Trim().Length > 0 && (window.Length > ApiLimits.NameLength || SendingWindow.Parse(window) is null))
        {
            errors.Add("sendingWindow", "sendingWindow must be local hours as HH:mm-HH:mm (e.g. 08:00-21:00, 24-hour, start and end differ), \"always\" for no quiet hours, or \"\" for the default");
        }
        errors.MaxCount("revocationScope", body.RevocationScope, ChannelNames.All.Count);
        if (body.RevocationScope?.Any(c => !ChannelNames.TryParse(c, out _)) == true)
        {
            errors.Add("revocationScope", $"revocationScope may only name channels: {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        if (body.DefaultRegion is not null && !Addresses.IsRegion(body.DefaultRegion))
        {
            errors.Add("defaultRegion", "defaultRegion must be a region code (ISO 3166 alpha-2, e.g. US, GB, DE)");
        }
        if (body.SendCapPerHour is < 1 or > ApiLimits.MaxSendCapPerHour)
        {
            errors.Add("sendCapPerHour", $"sendCapPerHour must be between 1 and {ApiLimits.MaxSendCapPerHour}");
        }
        Table(errors, "twilioErrorCodes", body.TwilioErrorCodes, json => TwilioErrorCodes.FromEntries("twilioErrorCodes", json));
        Table(errors, "mailgunEvents", body.MailgunEvents, json => MailgunEvents.FromEntries("mailgunEvents", json));
        Phrases(errors, body.OptOutPhrases);
        errors.ThrowIfAny("The DND settings are invalid.");
    }

    /// <summary>Each language's list must read as a shipped file would; the error names the list, field and entry.</summary>
    private static void Phrases(FieldErrors errors, Dictionary<string, JsonElement>? lists)
    {
        errors.MaxCount("optOutPhrases", lists, ApiLimits.PhraseLanguages);
        foreach (var (code, list) in lists ?? [])
        {
            var field = $"optOutPhrases.{code}";
            if (!LanguageCode().IsMatch(code))
            {
                errors.Add(field, $"{field}: a language code is 2 to 8 letters, e.g. en, es, pt-BR");
                continue;
            }
            if (list.ValueKind != JsonValueKind.Object || list.GetRawText().Length > ApiLimits.PhraseListBytes)
            {
                errors.Add(field, $"{field} must be a phrase list object of at most {ApiLimits.PhraseListBytes} bytes");
                continue;
            }
            try
            {
                PhraseList.Parse(code, list.GetRawText());
            }
            catch (RuleSetException e)
            {
                errors.Add(field, e.Message);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?$")]
    private static partial System.Text.RegularExpressions.Regex LanguageCode();

    /// <summary>A table override: an array of entries that parses as the shipped file's would, at most <see cref="ApiLimits.RuleTableEntries"/>.</summary>
    private static void Table(FieldErrors errors, string field, JsonElement? table, Func<string, IRuleTable> parse)
    {
        if (table is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, $"{field} must be an array of entries");
            return;
        }
        if (value.GetArrayLength() > ApiLimits.RuleTableEntries)
        {
            errors.Add(field, $"{field} may hold at most {ApiLimits.RuleTableEntries} entries");
            return;
        }
        if (value.GetArrayLength() == 0)
        {
            return;
        }
        try
        {
            parse(value.GetRawText());
        }
        catch (RuleSetException e)
        {
            errors.Add(field, e.Message);
        }
    }

    /// <summary>
    /// The scope by its name only, any case. Enum.TryParse also takes numbers ("99", "1"), which would store a scope
    /// that does not exist.
    /// </summary>
    public static UnsubscribeScope? ParseScope(string name) =>
        Enum.GetValues<UnsubscribeScope>().Select(s => (UnsubscribeScope?)s)
            .FirstOrDefault(s => string.Equals(s.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>An opt-out and an opt-in list (the account's, prefix "", or a channel's): the floor kept, no word on both.</summary>
    private static void KeywordPair(FieldErrors errors, string prefix, List<string>? optOut, List<string>? optIn)
    {
        var (outField, inField) = ($"{prefix}optOut{(prefix.Length == 0 ? "Keywords" : "")}", $"{prefix}optIn{(prefix.Length == 0 ? "Keywords" : "")}");
        Keywords(errors, outField, optOut);
        Keywords(errors, inField, optIn);
        foreach (var required in AccountSettings.RequiredOptOutKeywords
                     .Where(k => optOut?.Any(w => string.Equals(w?.Trim(), k, StringComparison.OrdinalIgnoreCase)) == false))
        {
            errors.Add(outField, $"{outField} must keep {required}: it always opts out, whatever the account's list says");
        }
        foreach (var word in (optIn ?? []).Where(w => w is not null && AccountSettings.IsRequiredOptOut(w)))
        {
            errors.Add(inField, $"{inField} cannot contain {word.Trim().ToUpperInvariant()}: it always opts out");
        }
        if (optOut is not null && optIn is not null &&
            optOut.Select(KeywordNormalizer.Normalize).Intersect(optIn.Select(KeywordNormalizer.Normalize)).Any(k => k.Length > 0))
        {
            errors.Add(inField, "a keyword cannot both opt out and opt in");
        }
    }

    private static void Keywords(FieldErrors errors, string field, List<string>? words)
    {
        errors.MaxCount(field, words, ApiLimits.KeywordsPerList).NoNulls(field, words);
        foreach (var word in (words ?? []).OfType<string>())
        {
            if (word.Trim().Length > ApiLimits.KeywordLength)
            {
                errors.Add(field, $"{field}: a keyword must be at most {ApiLimits.KeywordLength} characters");
            }
            else if (KeywordNormalizer.Normalize(word).Length == 0)
            {
                errors.Add(field, $"{field}: keyword '{word}' has no letters or digits to match");
            }
        }
    }
}
