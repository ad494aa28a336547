using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>
/// The account's consent settings (keyword lists, keyword channels, unsubscribe scope) and its profile (default
/// phone region, duplicate contacts, hourly send cap per contact and channel).
/// </summary>
public static class AccountSettingsEndpoints
{
    public static void MapAccountSettingsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/dnd-settings").WithTags("Accounts");
        group.MapGet("/", async (AccountContext account, AccountSettingsStore settings, CancellationToken ct) =>
            Results.Ok(View(await settings.SettingsAsync(account.AccountId, ct), await settings.ProfileAsync(account.AccountId, ct))));
        group.MapPut("/", UpdateAsync);
    }

    private static async Task<IResult> UpdateAsync(AccountSettingsRequest body, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var errors = new List<string>();
        foreach (var required in AccountSettings.RequiredOptOutKeywords
                     .Where(k => body.OptOutKeywords?.Any(w => string.Equals(w?.Trim(), k, StringComparison.OrdinalIgnoreCase)) == false))
        {
            errors.Add($"optOutKeywords must keep {required}: it always opts out, whatever the account's list says");
        }
        foreach (var word in (body.OptInKeywords ?? []).Where(w => w is not null && AccountSettings.IsRequiredOptOut(w)))
        {
            errors.Add($"optInKeywords cannot contain {word.Trim().ToUpperInvariant()}: it always opts out");
        }
        foreach (var word in (body.OptOutKeywords ?? []).Concat(body.OptInKeywords ?? []).Where(w => string.IsNullOrWhiteSpace(w) || w.Trim().Contains(' ')))
        {
            errors.Add($"keyword '{word}' must be a single word");
        }
        if (body.OptOutKeywords is not null && body.OptInKeywords is not null &&
            body.OptOutKeywords.Intersect(body.OptInKeywords, StringComparer.OrdinalIgnoreCase).Any())
        {
            errors.Add("a keyword cannot both opt out and opt in");
        }
        foreach (var channel in (body.KeywordChannels ?? []).Where(c => !ChannelNames.TryParse(c, out _)))
        {
            errors.Add($"keywordChannels: '{channel}' is not a channel");
        }
        if (body.UnsubscribeScope is not null && !Enum.TryParse<UnsubscribeScope>(body.UnsubscribeScope, true, out _))
        {
            errors.Add("unsubscribeScope must be EmailOnly or AllChannels");
        }
        if (body.DefaultRegion is not null && !Addresses.IsRegion(body.DefaultRegion))
        {
            errors.Add($"defaultRegion '{body.DefaultRegion}' is not a region code (ISO 3166 alpha-2, e.g. US, GB, DE)");
        }
        if (body.SendCapPerHour is < 1 or > 1000)
        {
            errors.Add("sendCapPerHour must be between 1 and 1000");
        }
        if (errors.Count > 0)
        {
            throw new ApiValidationException("The DND settings are invalid.", errors);
        }
        var row = await db.Accounts.SingleAsync(a => a.Id == account.AccountId, ct);
        var current = AccountSettingsJson.Parse(row.SettingsJson);
        var profile = AccountSettingsJson.ParseProfile(row.SettingsJson);
        var updated = current with
        {
            OptOutKeywords = body.OptOutKeywords?.Select(w => w.Trim()).ToList() ?? current.OptOutKeywords,
            OptInKeywords = body.OptInKeywords?.Select(w => w.Trim()).ToList() ?? current.OptInKeywords,
            KeywordChannels = body.KeywordChannels?.Select(ChannelNames.Parse).ToList() ?? current.KeywordChannels,
            UnsubscribeScope = body.UnsubscribeScope is null ? current.UnsubscribeScope : Enum.Parse<UnsubscribeScope>(body.UnsubscribeScope, true),
        };
        var updatedProfile = profile with
        {
            DefaultRegion = body.DefaultRegion?.Trim().ToUpperInvariant() ?? profile.DefaultRegion,
            AllowDuplicateContact = body.AllowDuplicateContact ?? profile.AllowDuplicateContact,
            SendCapPerHour = body.SendCapPerHour ?? profile.SendCapPerHour,
        };
        row.SettingsJson = AccountSettingsJson.Serialize(updated, updatedProfile);
        await db.SaveChangesAsync(ct);
        return Results.Ok(View(updated, updatedProfile));
    }

    private static object View(AccountSettings s, AccountProfile p) => new
    {
        optOutKeywords = s.OptOutKeywords,
        optInKeywords = s.OptInKeywords,
        keywordChannels = s.KeywordChannels.Select(c => c.ToWire()),
        unsubscribeScope = s.UnsubscribeScope.ToString(),
        requiredOptOutKeywords = AccountSettings.RequiredOptOutKeywords,
        defaultRegion = p.DefaultRegion,
        allowDuplicateContact = p.AllowDuplicateContact,
        sendCapPerHour = p.SendCapPerHour,
    };
}
