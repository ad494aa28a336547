using System.Text.Json;
using Dnd.Activities.Persistence;
using Dnd.Crm.Consent;
using Dnd.Crm.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>
/// Saved contact searches by name: a filter tree (groups of conditions joined by AND or OR) validated when saved and
/// evaluated in SQL each time the list is read, so a list follows every DND, tag and field change at once.
/// </summary>
public static class SmartListEndpoints
{
    public static void MapSmartListEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/smart-lists").WithTags("Smart lists");
        lists.MapPost("/", CreateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lists.MapGet("/", ListAsync);
        lists.MapGet("/{listId}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        lists.MapPut("/{listId}", UpdateAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lists.MapGet("/{listId}/contacts", ContactsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lists.MapDelete("/{listId}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<SmartListResponse>> CreateAsync(SmartListRequest body, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var list = new SmartListRecord { Id = Guid.NewGuid().ToString("N")[..16], AccountId = account.AccountId, Name = "", CreatedAt = clock.GetUtcNow() };
        Apply(body, list, await ScopeAsync(db, account, settings, ct));
        db.SmartLists.Add(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/smart-lists/{list.Id}", new SmartListResponse(SmartListDto.From(list)));
    }

    private static async Task<Ok<SmartListsResponse>> ListAsync(AccountContext account, DndDbContext db, AccountSettingsStore settings, CancellationToken ct,
        bool withCounts = false)
    {
        var lists = await db.SmartLists.AsNoTracking().Where(s => s.AccountId == account.AccountId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);
        var dtos = new List<SmartListDto>(lists.Count);
        var scope = withCounts ? await ScopeAsync(db, account, settings, ct) : null;
        foreach (var list in lists)
        {
            // A count per list, each a query of its own over the contact indexes: asked for, never by default.
            dtos.Add(SmartListDto.From(list, scope is null ? null : await Members(list, scope).CountAsync(ct)));
        }
        return TypedResults.Ok(new SmartListsResponse(dtos));
    }

    private static async Task<Results<Ok<SmartListResponse>, ProblemHttpResult>> GetAsync(string listId, AccountContext account, DndDbContext db,
        CancellationToken ct)
    {
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == account.AccountId, ct);
        return list is null ? NotFound(listId) : TypedResults.Ok(new SmartListResponse(SmartListDto.From(list)));
    }

    /// <summary>Replaces the list's name and filters (send both); its id and members' paging stay.</summary>
    private static async Task<Results<Ok<SmartListResponse>, ProblemHttpResult>> UpdateAsync(string listId, SmartListRequest body, AccountContext account,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var list = await db.SmartLists.SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == account.AccountId, ct);
        if (list is null)
        {
            return NotFound(listId);
        }
        Apply(body, list, await ScopeAsync(db, account, settings, ct));
        list.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SmartListResponse(SmartListDto.From(list)));
    }

    /// <summary>
    /// One page of the list's members in the contact search's order (dateAdded, then id), after searchAfter (a
    /// contact's own, as it comes back with it: repeated, or "sort value,contact id") or at page, with total, the
    /// count of every member.
    /// </summary>
    private static async Task<Results<Ok<SmartListContactsResponse>, ProblemHttpResult>> ContactsAsync(string listId, AccountContext account, DndDbContext db,
        AccountSettingsStore settings, CancellationToken ct, long page = 1, long pageLimit = 100, string[]? searchAfter = null)
    {
        var errors = new FieldErrors();
        var cursorParts = searchAfter is [var joined] && joined.Contains(',') ? joined.Split(',') : searchAfter ?? [];
        var after = SearchCursor.Read(cursorParts.Select(p => JsonSerializer.SerializeToElement(p)).ToList(), wasNull: false, errors);
        var offset = Paging.Offset(page, pageLimit, keyset: cursorParts.Length > 0, errors);
        errors.ThrowIfAny("The page is out of range.");
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == account.AccountId, ct);
        if (list is null)
        {
            return NotFound(listId);
        }
        var members = Members(list, await ScopeAsync(db, account, settings, ct));
        // The total counts every member, not what is left after the cursor, as the contact search's does.
        var total = await members.CountAsync(ct);
        var rows = await ContactQuery.Page(members, after, offset, (int)pageLimit).ToListAsync(ct);
        return TypedResults.Ok(new SmartListContactsResponse(SmartListDto.From(list),
            rows.Select(r => ContactMapper.ToDto(r) with { SearchAfter = SearchCursor.Of(r).ToWire() }).ToList(), total));
    }

    /// <remarks>In an account write: a bulk delete bypasses SaveChanges, so it would otherwise not take the SQLite writer's turn.</remarks>
    private static async Task<Results<Ok<SmartListDeletedResponse>, ProblemHttpResult>> DeleteAsync(string listId, AccountContext account, DndDbContext db,
        AccountWrites writes, CancellationToken ct)
    {
        await using var write = await writes.BeginAsync(account.AccountId, ct);
        var deleted = await db.SmartLists.Where(s => s.Id == listId && s.AccountId == account.AccountId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            return NotFound(listId);
        }
        await write.CommitAsync(ct);
        return TypedResults.Ok(new SmartListDeletedResponse(true));
    }

    /// <summary>Checks the body whole and only then writes it on the list, so an invalid one changes nothing.</summary>
    /// <exception cref="ApiValidationException">422 naming every field, condition, operator and value that is wrong.</exception>
    private static void Apply(SmartListRequest body, SmartListRecord list, SmartListScope scope)
    {
        var errors = new FieldErrors()
            .Required("name", body.Name).MaxLength("name", body.Name, ApiLimits.NameLength)
            .MaxLength("tag", body.Tag, ApiLimits.TagLength)
            .MaxLength("query", body.Query, ApiLimits.TextLength);
        if (body.ExcludeDndChannel is not null && !ChannelNames.TryParse(body.ExcludeDndChannel, out _))
        {
            errors.Add("excludeDndChannel", $"excludeDndChannel must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        var oldShape = body.ExcludeDndChannel is not null || body.ExcludeAnyDnd || body.Tag is not null || body.Query is not null;
        if (oldShape && body.Filters is not null)
        {
            errors.Add("filters", "filters cannot be combined with excludeDndChannel, excludeAnyDnd, tag or query; put them in filters as conditions");
        }
        var compiled = SmartListFilters.Compile(
            oldShape && !errors.Any ? SmartListFilters.FromOldShape(body.ExcludeDndChannel, body.ExcludeAnyDnd, body.Tag, body.Query) : body.Filters,
            "filters", scope, errors);
        errors.ThrowIfAny("The smart list is invalid.");
        list.Name = body.Name!.Trim();
        list.FiltersJson = SmartListFilters.Serialize(compiled!.Filters);
        list.ExcludeDndChannel = body.ExcludeDndChannel is null ? null : ChannelNames.Parse(body.ExcludeDndChannel).ToWire();
        list.ExcludeAnyDnd = body.ExcludeAnyDnd;
        list.Tag = body.Tag;
        list.Query = body.Query;
    }

    /// <summary>The account's contacts the list's filters select, as one query (nothing read yet).</summary>
    private static IQueryable<ContactRecord> Members(SmartListRecord list, SmartListScope scope)
    {
        var errors = new FieldErrors();
        var compiled = SmartListFilters.Compile(SmartListFilters.Of(list), "filters", scope, errors);
        // Validated when saved: only a change of the rules since could refuse a stored list, and then it says why.
        errors.ThrowIfAny($"Smart list {list.Id} has filters this server no longer reads; edit them.");
        return scope.Db.Set<ContactRecord>().AsNoTracking().Where(c => c.AccountId == scope.AccountId).Where(compiled!.Predicate);
    }

    private static async Task<SmartListScope> ScopeAsync(DndDbContext db, AccountContext account, AccountSettingsStore settings, CancellationToken ct) =>
        new(db, account.AccountId, (await settings.ProfileAsync(account.AccountId, ct)).DefaultRegion);

    private static ProblemHttpResult NotFound(string listId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Smart list not found", detail: $"Smart list {listId} does not exist.");
}
