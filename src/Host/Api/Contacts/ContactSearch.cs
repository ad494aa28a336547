using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.Contacts;

/// <summary>
/// The contact search of POST /contacts/search, for whoever asks: the endpoint, and the operator app's contacts
/// screen, which sends the same request (filters, free text, searchAfter) so there is one query language.
/// </summary>
public static class ContactSearch
{
    /// <summary>One page of the account's contacts matching <paramref name="body"/>, each with its searchAfter, and the total.</summary>
    /// <exception cref="ApiValidationException">422 naming every filter, cursor or paging field that is wrong.</exception>
    public static async Task<SearchContactsResponse> RunAsync(string accountId, ContactSearchRequest body, DndDbContext db,
        AccountSettingsStore settings, CancellationToken ct)
    {
        var (contacts, total) = await RunAsync(accountId, body, countTotal: true, db, settings, ct);
        return new SearchContactsResponse(contacts, total!.Value);
    }

    /// <param name="countTotal">
    /// Count every match too. The count reads every match: over an index when the search is DND filters alone, but
    /// every contact of the account when it has free text or a tag, which a screen may rather not wait for.
    /// </param>
    /// <returns>The page, and the total when <paramref name="countTotal"/>.</returns>
    /// <exception cref="ApiValidationException">422 naming every filter, cursor or paging field that is wrong.</exception>
    public static async Task<(List<ContactDto> Contacts, int? Total)> RunAsync(string accountId, ContactSearchRequest body, bool countTotal,
        DndDbContext db, AccountSettingsStore settings, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var after = SearchCursor.Read(body.SearchAfter, body.SearchAfterIsNull, errors);
        var offset = Paging.Offset(body.Page, body.PageLimit, keyset: body.SearchAfter is { Count: > 0 }, errors);
        if (body.FiltersIsNull)
        {
            errors.Add("filters", "filters cannot be null; send [] or leave it out");
        }
        errors.MaxLength("query", body.Query, ApiLimits.TextLength).MaxCount("filters", body.Filters, ApiLimits.FiltersPerSearch);
        var filters = body.Filters is { Count: <= ApiLimits.FiltersPerSearch } given ? given : [];
        var query = ContactQuery.Apply(db.Contacts.AsNoTracking().Where(c => c.AccountId == accountId), filters,
            (await settings.ProfileAsync(accountId, ct)).DefaultRegion, errors);
        errors.ThrowIfAny("The search is invalid.");
        query = ContactQuery.FreeText(query, body.Query);
        // The total counts every match, not what is left after the cursor, as HighLevel's does. With a DND filter it is
        // a count over the (account, channel status, dateAdded, id) index.
        int? total = countTotal ? await query.CountAsync(ct) : null;
        // Past the last page the list is empty and the total still says how many there are.
        var rows = await ContactQuery.Page(query, after, offset, (int)body.PageLimit).ToListAsync(ct);
        return (rows.Select(r => ContactMapper.ToDto(r) with { SearchAfter = SearchCursor.Of(r).ToWire() }).ToList(), total);
    }
}
