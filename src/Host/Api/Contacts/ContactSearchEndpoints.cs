using Dnd.Host.Auth;
using Dnd.Workflows.Consent;
using Dnd.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

public static class ContactSearchEndpoints
{
    public static void MapContactSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/contacts/search", SearchAsync).WithTags("Contacts");

    private static async Task<IResult> SearchAsync(ContactSearchRequest body, AccountContext account, DndDbContext db, AccountSettingsStore settings, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        Paging.Validate(body.Page, body.PageLimit);
        var query = ContactQuery.Apply(db.Contacts.AsNoTracking().Where(c => c.AccountId == account.AccountId), body.Filters,
            (await settings.ProfileAsync(account.AccountId, ct)).DefaultRegion);
        query = ContactQuery.FreeText(query, body.Query);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Skip((body.Page - 1) * body.PageLimit).Take(body.PageLimit).ToListAsync(ct);
        return Results.Ok(new { contacts = rows.Select(ContactMapper.ToDto), total });
    }
}
