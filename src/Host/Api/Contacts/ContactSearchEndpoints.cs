using Dnd.Activities.Persistence;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Crm.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

public static class ContactSearchEndpoints
{
    public static void MapContactSearchEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/contacts/search", SearchAsync).WithTags("Contacts").WithName("SearchContacts")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Ok<SearchContactsResponse>> SearchAsync(ContactSearchRequest body, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var errors = new FieldErrors();
        var after = SearchCursor.Read(body.SearchAfter, body.SearchAfterIsNull, errors);
        var offset = Paging.Offset(body.Page, body.PageLimit, keyset: body.SearchAfter is { Count: > 0 }, errors);
        if (body.FiltersIsNull)
        {
            errors.Add("filters", "filters cannot be null; send [] or leave it out");
        }
        errors.MaxLength("query", body.Query, ApiLimits.TextLength).MaxCount("filters", body.Filters, ApiLimits.FiltersPerSearch);
        var filters = body.Filters is { Count: <= ApiLimits.FiltersPerSearch } given ? given : [];
        var query = ContactQuery.Apply(db.Contacts.AsNoTracking().Where(c => c.AccountId == account.AccountId), filters,
            (await settings.ProfileAsync(account.AccountId, ct)).DefaultRegion, errors);
        errors.ThrowIfAny("The search is invalid.");
        query = ContactQuery.FreeText(query, body.Query);
        // The total counts every match, not what is left after the cursor, as HighLevel's does. With a DND filter it is
        // a count over the (account, channel status, dateAdded, id) index.
        var total = await query.CountAsync(ct);
        // Past the last page the list is empty and the total still says how many there are.
        var rows = await ContactQuery.Page(query, after, offset, (int)body.PageLimit).ToListAsync(ct);
        return TypedResults.Ok(new SearchContactsResponse(
            rows.Select(r => ContactMapper.ToDto(r) with { SearchAfter = SearchCursor.Of(r).ToWire() }).ToList(), total));
    }
}
