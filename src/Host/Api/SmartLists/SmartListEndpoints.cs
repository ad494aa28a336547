using Dnd.Activities.Persistence;
using Dnd.Host.Api.Contacts;
using Dnd.Host.Auth;
using Dnd.Host.Errors;
using Dnd.Host.Limits;
using Dnd.Rules.Consent;
using Dnd.Crm.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dnd.Host.Api.SmartLists;

/// <summary>Saved searches that leave out contacts DND makes unreachable, evaluated in SQL each time they are read.</summary>
public static class SmartListEndpoints
{
    public static void MapSmartListEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/smart-lists").WithTags("Smart lists");
        lists.MapPost("/", CreateAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lists.MapGet("/", ListAsync);
        lists.MapGet("/{listId}/contacts", ContactsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lists.MapDelete("/{listId}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<SmartListResponse>> CreateAsync(SmartListRequest body, AccountContext account, DndDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        account.EnsureOwns(body.LocationId);
        var errors = new FieldErrors()
            .Required("name", body.Name).MaxLength("name", body.Name, ApiLimits.NameLength)
            .MaxLength("tag", body.Tag, ApiLimits.TagLength)
            .MaxLength("query", body.Query, ApiLimits.TextLength);
        if (body.ExcludeDndChannel is not null && !ChannelNames.TryParse(body.ExcludeDndChannel, out _))
        {
            errors.Add("excludeDndChannel", $"excludeDndChannel must be one of {string.Join(", ", ChannelNames.All.Select(c => c.ToWire()))}");
        }
        errors.ThrowIfAny("The smart list is invalid.");
        var list = new SmartListRecord
        {
            Id = Guid.NewGuid().ToString("N")[..16],
            AccountId = account.AccountId,
            Name = body.Name!.Trim(),
            ExcludeDndChannel = body.ExcludeDndChannel is null ? null : ChannelNames.Parse(body.ExcludeDndChannel).ToWire(),
            ExcludeAnyDnd = body.ExcludeAnyDnd,
            Tag = body.Tag,
            Query = body.Query,
            CreatedAt = clock.GetUtcNow(),
        };
        db.SmartLists.Add(list);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/smart-lists/{list.Id}", new SmartListResponse(SmartListDto.From(list)));
    }

    private static async Task<Ok<SmartListsResponse>> ListAsync(AccountContext account, DndDbContext db, CancellationToken ct)
    {
        var lists = await db.SmartLists.AsNoTracking().Where(s => s.AccountId == account.AccountId).OrderBy(s => s.Name).ToListAsync(ct);
        return TypedResults.Ok(new SmartListsResponse(lists.Select(SmartListDto.From).ToList()));
    }

    private static async Task<Results<Ok<SmartListContactsResponse>, ProblemHttpResult>> ContactsAsync(string listId, AccountContext account, DndDbContext db,
        CancellationToken ct, long page = 1, long pageLimit = 100)
    {
        var list = await db.SmartLists.AsNoTracking().SingleOrDefaultAsync(s => s.Id == listId && s.AccountId == account.AccountId, ct);
        if (list is null)
        {
            return NotFound(listId);
        }
        var offset = Paging.Offset(page, pageLimit);
        var query = db.Contacts.AsNoTracking().Where(c => c.AccountId == account.AccountId);
        if (list.ExcludeDndChannel is not null)
        {
            query = query.Where(ContactQuery.Reachable(ChannelNames.Parse(list.ExcludeDndChannel)));
        }
        if (list.ExcludeAnyDnd)
        {
            query = query.Where(ContactQuery.NoDndAnywhere());
        }
        if (!string.IsNullOrWhiteSpace(list.Tag))
        {
            query = query.Where(ContactQuery.HasTag(list.Tag));
        }
        query = ContactQuery.FreeText(query, list.Query);
        var total = await query.CountAsync(ct);
        var rows = await ContactQuery.Page(query, after: null, offset, (int)pageLimit).ToListAsync(ct);
        return TypedResults.Ok(new SmartListContactsResponse(SmartListDto.From(list), rows.Select(ContactMapper.ToDto).ToList(), total));
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

    private static ProblemHttpResult NotFound(string listId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Smart list not found", detail: $"Smart list {listId} does not exist.");
}
