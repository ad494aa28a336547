using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Rules.Consent;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Accounts;

/// <summary>The account's consent settings: keyword lists, keyword channels, unsubscribe scope.</summary>
public static class AccountSettingsEndpoints
{
    public static void MapAccountSettingsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/dnd-settings").WithTags("Accounts");
        group.MapGet("/", async (AccountContext account, DndDbContext db, CancellationToken ct) =>
            Results.Ok(View(AccountSettingsJson.Parse((await db.Accounts.SingleAsync(a => a.Id == account.AccountId, ct)).SettingsJson))));
        group.MapPut("/", UpdateAsync);
    }

    private static async Task<IResult> UpdateAsync(AccountSettingsRequest body, AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var errors = new List<string>();
        if (body.OptOutKeywords is { Count: 0 })
        {
            errors.Add("optOutKeywords cannot be empty: carriers require STOP to work");
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
        if (errors.Count > 0)
        {
            throw new ApiValidationException("The DND settings are invalid.", errors);
        }
        var row = await db.Accounts.SingleAsync(a => a.Id == account.AccountId, ct);
        var current = AccountSettingsJson.Parse(row.SettingsJson);
        var updated = current with
        {
            OptOutKeywords = body.OptOutKeywords?.Select(w => w.Trim()).ToList() ?? current.OptOutKeywords,
            OptInKeywords = body.OptInKeywords?.Select(w => w.Trim()).ToList() ?? current.OptInKeywords,
            KeywordChannels = body.KeywordChannels?.Select(ChannelNames.Parse).ToList() ?? current.KeywordChannels,
            UnsubscribeScope = body.UnsubscribeScope is null ? current.UnsubscribeScope : Enum.Parse<UnsubscribeScope>(body.UnsubscribeScope, true),
        };
        row.SettingsJson = AccountSettingsJson.Serialize(updated);
        await db.SaveChangesAsync(ct);
        return Results.Ok(View(updated));
    }

    private static object View(AccountSettings s) => new
    {
        optOutKeywords = s.OptOutKeywords,
        optInKeywords = s.OptInKeywords,
        keywordChannels = s.KeywordChannels.Select(c => c.ToWire()),
        unsubscribeScope = s.UnsubscribeScope.ToString(),
    };
}
