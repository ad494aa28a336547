using Dnd.Activities.Persistence;
using System.Text.Json;
using Dnd.Host.Auth;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Engine;
using Dnd.Crm.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// The account's consent settings (keyword lists, keyword channels, unsubscribe scope, its own Twilio and Mailgun
/// tables) and its profile (default
/// phone region, duplicate contacts, hourly send cap per contact and channel).
/// </summary>
public static class AccountSettingsEndpoints
{
    public static void MapAccountSettingsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/dnd-settings").WithTags("Accounts");
        group.MapGet("/", async (AccountContext account, AccountSettingsStore settings, DndRuleSet rules, CancellationToken ct) =>
            TypedResults.Ok(View(await settings.SettingsAsync(account.AccountId, ct), await settings.ProfileAsync(account.AccountId, ct), rules)));
        group.MapPut("/", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<DndSettingsResponse>> UpdateAsync(AccountSettingsRequest body, AccountContext account, DndDbContext db, AccountCache accounts,
        DndRuleSet rules, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        AccountSettingsValidation.Validate(body);
        var row = await db.Accounts.SingleAsync(a => a.Id == account.AccountId, ct);
        var current = AccountSettingsJson.Parse(row.SettingsJson);
        var profile = AccountSettingsJson.ParseProfile(row.SettingsJson);
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
        };
        row.SettingsJson = AccountSettingsJson.Serialize(updated, updatedProfile, AccountSettingsJson.ParseCompliance(row.SettingsJson));
        await db.SaveChangesAsync(ct);
        // After the commit: this process decides with the new settings from the next request on; other server
        // processes when their cached copy expires (AccountCache.TimeToLive).
        accounts.Invalidate(account.AccountId);
        return TypedResults.Ok(View(updated, updatedProfile, rules));
    }

    private static DndSettingsResponse View(AccountSettings s, AccountProfile p, DndRuleSet rules) => new(
        s.OptOutKeywords,
        s.OptInKeywords,
        s.KeywordChannels.Select(c => c.ToWire()).ToList(),
        s.UnsubscribeScope.ToString(),
        AccountSettings.RequiredOptOutKeywords,
        p.DefaultRegion,
        p.AllowDuplicateContact,
        p.SendCapPerHour,
        Entries(s.TwilioErrorCodes ?? rules.TwilioErrorCodes),
        s.TwilioErrorCodes is not null,
        Entries(s.MailgunEvents ?? rules.MailgunEvents),
        s.MailgunEvents is not null,
        s.ChannelKeywords.ToDictionary(k => k.Key.ToWire(), k => new ChannelKeywordsDto(k.Value.OptOut.ToList(), k.Value.OptIn.ToList())),
        p.FormConsentFields,
        p.TimeZone,
        s.RevocationScope.Select(c => c.ToWire()).ToList(),
        PhraseList.Shipped.Keys.Union(s.OptOutPhrases.Keys).Order(StringComparer.Ordinal)
            .ToDictionary(code => code, code => AccountSettingsJson.PhraseJson(s.OptOutPhrases.GetValueOrDefault(code) ?? PhraseList.Shipped[code])),
        s.OptOutPhrases.Keys.Order(StringComparer.Ordinal).ToList());

    private static JsonElement Entries(IRuleTable table) => JsonDocument.Parse(table.EntriesJson).RootElement.Clone();
}
