using Dnd.Activities.Persistence;
using System.Text.Json;
using Dnd.Host.Auth;
using Dnd.Rules.Consent;
using Dnd.Rules.Data;
using Dnd.Rules.Engine;
using Dnd.Crm.Consent;
using Dnd.Crm.Messaging.QuietHours;
using Microsoft.AspNetCore.Http.HttpResults;

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
        group.MapGet("/", async (AccountContext account, AccountSettingsStore settings, DndRuleSet rules, QuietHoursPolicy quietHours, CancellationToken ct) =>
            TypedResults.Ok(View(await settings.SettingsAsync(account.AccountId, ct), await settings.ProfileAsync(account.AccountId, ct), rules, quietHours)));
        group.MapPut("/", UpdateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<DndSettingsResponse>> UpdateAsync(AccountSettingsRequest body, AccountContext account, DndDbContext db, AccountCache accounts,
        DndRuleSet rules, QuietHoursPolicy quietHours, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var saved = await AccountSettingsWriter.SaveAsync(db, accounts, account.AccountId, settings: body, compliance: null, ct);
        return TypedResults.Ok(View(saved.Settings, saved.Profile, rules, quietHours));
    }

    private static DndSettingsResponse View(AccountSettings s, AccountProfile p, DndRuleSet rules, QuietHoursPolicy quietHours) => new(
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
        s.OptOutPhrases.Keys.Order(StringComparer.Ordinal).ToList(),
        (p.SendingWindow ?? quietHours.Default).ToString(),
        p.SendingWindow is not null);

    private static JsonElement Entries(IRuleTable table) => JsonDocument.Parse(table.EntriesJson).RootElement.Clone();
}
