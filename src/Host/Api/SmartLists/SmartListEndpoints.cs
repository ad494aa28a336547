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
        var list = await SmartListStore.CreateAsync(db, settings, account.AccountId, body, clock.GetUtcNow(), ct);
        return TypedResults.Created($"/smart-lists/{list.Id}", new SmartListResponse(list));
    }

    private static async Task<Ok<SmartListsResponse>> ListAsync(AccountContext account, DndDbContext db, AccountSettingsStore settings, CancellationToken ct,
        bool withCounts = false) =>
        // A count per list, each a query of its own over the contact indexes: asked for, never by default.
        TypedResults.Ok(new SmartListsResponse(await SmartListStore.ListAsync(db, settings, account.AccountId, withCounts, ct)));

    private static async Task<Results<Ok<SmartListResponse>, ProblemHttpResult>> GetAsync(string listId, AccountContext account, DndDbContext db,
        CancellationToken ct) =>
        await SmartListStore.GetAsync(db, account.AccountId, listId, ct) is { } list ? TypedResults.Ok(new SmartListResponse(list)) : NotFound(listId);

    /// <summary>Replaces the list's name and filters (send both); its id and members' paging stay.</summary>
    private static async Task<Results<Ok<SmartListResponse>, ProblemHttpResult>> UpdateAsync(string listId, SmartListRequest body, AccountContext account,
        DndDbContext db, AccountSettingsStore settings, TimeProvider clock, CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        return await SmartListStore.UpdateAsync(db, settings, account.AccountId, listId, body, clock.GetUtcNow(), ct) is { } list
            ? TypedResults.Ok(new SmartListResponse(list))
            : NotFound(listId);
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
        return await SmartListStore.MembersAsync(db, settings, account.AccountId, listId, after, offset, (int)pageLimit, countTotal: true, ct) is var (list, rows, total)
            ? TypedResults.Ok(new SmartListContactsResponse(list, rows, total!.Value))
            : NotFound(listId);
    }

    private static async Task<Results<Ok<SmartListDeletedResponse>, ProblemHttpResult>> DeleteAsync(string listId, AccountContext account, DndDbContext db,
        AccountWrites writes, CancellationToken ct) =>
        await SmartListStore.DeleteAsync(db, writes, account.AccountId, listId, ct) ? TypedResults.Ok(new SmartListDeletedResponse(true)) : NotFound(listId);

    private static ProblemHttpResult NotFound(string listId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Smart list not found", detail: $"Smart list {listId} does not exist.");
}
